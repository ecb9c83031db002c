package org.yinling.elder;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of an elder export: what the list shows plus the columns a spreadsheet user needs. */
record ExportRow(ElderRow row, String residentId, LocalDate birthDate, String phone, boolean hukouLocal,
                 String address, boolean solitary, boolean lostOnlyChild, BigDecimal incomePerPerson,
                 LocalDate lifeStatusDate, DisabilityCategory disabilityCategory, Integer disabilityLevel,
                 boolean leftBehind, boolean onlyChildDisabled, boolean specialCareRecipient, boolean seriousIllness) {
}
