package org.yinling.elder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One spreadsheet row after parsing, with the problems found in it (as {@code COLUMN|message.key}). */
record StagedRow(int rowNumber, String residentId, LocalDate birthDate, Sex sex, String name, String communityCode,
                 String address, String phone, String ethnicity, Boolean hukouLocal,
                 LivingArrangement livingArrangement, Boolean solitary, Boolean lostOnlyChild,
                 EconomicStatus economicStatus, BigDecimal incomePerPerson, String guardianName,
                 String guardianRelation, String guardianPhone, String emergencyName, String emergencyPhone,
                 String notes, List<String> errors) {
}
