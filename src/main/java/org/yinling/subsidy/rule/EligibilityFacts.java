package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * The attributes of one elder that rules may test, as stored in {@code elder}. Capability level and income are
 * unknown (null) when not recorded; a criterion on an unknown value never passes, in Java as in SQL.
 */
public record EligibilityFacts(LocalDate birthDate, boolean hukouLocal, String livingArrangement,
                               String economicStatus, Integer capabilityLevel, BigDecimal incomePerPerson,
                               String lifeStatus) {

    /** The SELECT list that reads these facts from {@code elder e}, in constructor order. */
    public static final String COLUMNS = "e.birth_date, e.hukou_local, e.living_arrangement, e.economic_status, "
            + "e.capability_level, e.income_per_person, e.life_status";

    /** The attribute's value as text (numbers in plain notation), or null when unknown. */
    public String value(Attribute attribute, LocalDate on) {
        return switch (attribute) {
            case AGE -> Integer.toString(ageOn(on));
            case HUKOU_LOCAL -> Boolean.toString(hukouLocal);
            case LIVING_ARRANGEMENT -> livingArrangement;
            case ECONOMIC_STATUS -> economicStatus;
            case CAPABILITY_LEVEL -> capabilityLevel == null ? null : capabilityLevel.toString();
            case INCOME_PER_PERSON -> incomePerPerson == null ? null : incomePerPerson.stripTrailingZeros().toPlainString();
            case LIFE_STATUS -> lifeStatus;
        };
    }

    /** Whole years completed on {@code on}: someone born on 29 February turns a year older on 1 March. */
    public int ageOn(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }
}
