package org.yinling.elder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One spreadsheet row after parsing, with the problems found in it (as {@code COLUMN|message.key}). The community is
 * as the file gave it: a code, a name ({@code 社区} or {@code 街道/社区}), or both; the checks resolve the name.
 */
record StagedRow(int rowNumber, String residentId, LocalDate birthDate, Sex sex, String name, String communityCode,
                 String communityName, String address, String phone, String ethnicity, Boolean hukouLocal,
                 LivingArrangement livingArrangement, Boolean solitary, Boolean lostOnlyChild,
                 EconomicStatus economicStatus, BigDecimal incomePerPerson, DisabilityCategory disabilityCategory,
                 Integer disabilityLevel, Boolean leftBehind, Boolean onlyChildDisabled, Boolean specialCareRecipient,
                 Boolean seriousIllness, String guardianName, String guardianRelation, String guardianPhone,
                 String emergencyName, String emergencyPhone, String notes, List<String> errors) {
}
