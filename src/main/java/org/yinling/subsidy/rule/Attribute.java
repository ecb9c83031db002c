package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yinling.elder.DisabilityCategory;
import org.yinling.elder.EconomicStatus;
import org.yinling.elder.LifeStatus;
import org.yinling.elder.LivingArrangement;

/**
 * The whitelisted elder attributes a policy may test. Each names its column in the {@code elder} table: the SQL
 * compiler takes column names only from here, never from the rule.
 */
public enum Attribute {
    /** Age in whole years on the evaluation date (compiled to birth-date bounds, so the birth-date index serves). */
    AGE(ValueType.NUMBER, "birth_date", List.of(), 0, 150, true),
    HUKOU_LOCAL(ValueType.BOOLEAN, "hukou_local", List.of("true", "false"), 0, 0, false),
    LIVING_ARRANGEMENT(ValueType.CHOICE, "living_arrangement", names(LivingArrangement.values()), 0, 0, false),
    ECONOMIC_STATUS(ValueType.CHOICE, "economic_status", names(EconomicStatus.values()), 0, 0, false),
    CAPABILITY_LEVEL(ValueType.NUMBER, "capability_level", List.of(), 0, 4, true),
    INCOME_PER_PERSON(ValueType.NUMBER, "income_per_person", List.of(), 0, 1_000_000, false),
    LIFE_STATUS(ValueType.CHOICE, "life_status", names(LifeStatus.values()), 0, 0, false),
    SOLITARY(ValueType.BOOLEAN, "solitary", List.of("true", "false"), 0, 0, false),
    LOST_ONLY_CHILD(ValueType.BOOLEAN, "lost_only_child", List.of("true", "false"), 0, 0, false),
    ONLY_CHILD_DISABLED(ValueType.BOOLEAN, "only_child_disabled", List.of("true", "false"), 0, 0, false),
    LEFT_BEHIND(ValueType.BOOLEAN, "left_behind", List.of("true", "false"), 0, 0, false),
    SPECIAL_CARE_RECIPIENT(ValueType.BOOLEAN, "special_care_recipient", List.of("true", "false"), 0, 0, false),
    SERIOUS_ILLNESS(ValueType.BOOLEAN, "serious_illness", List.of("true", "false"), 0, 0, false),
    /** 残疾人证 level 1 (most severe) to 4; unknown (no certificate) never passes a test. */
    DISABILITY_LEVEL(ValueType.NUMBER, "disability_level", List.of(), 1, 4, true),
    DISABILITY_CATEGORY(ValueType.CHOICE, "disability_category", names(DisabilityCategory.values()), 0, 0, false),
    /**
     * 能力评估在有效期内 on the evaluation date (issue 21 §5): the latest assessment's last valid day
     * ({@code elder.assessment_valid_until}) is not before it; an elder never assessed has none. With it a level-based
     * benefit lapses when the assessment does.
     */
    ASSESSMENT_VALID(ValueType.BOOLEAN, "assessment_valid_until", List.of("true", "false"), 0, 0, false);

    private final ValueType type;
    private final String column;
    private final List<String> choices;
    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean wholeNumbers;

    Attribute(ValueType type, String column, List<String> choices, long min, long max, boolean wholeNumbers) {
        this.type = type;
        this.column = column;
        this.choices = choices;
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
        this.wholeNumbers = wholeNumbers;
    }

    public ValueType type() {
        return type;
    }

    /** The column of table {@code elder} (alias {@code e}) this attribute reads. */
    String column() {
        return column;
    }

    /** The allowed values of a BOOLEAN or CHOICE attribute, as stored. */
    public List<String> choices() {
        return choices;
    }

    BigDecimal min() {
        return min;
    }

    BigDecimal max() {
        return max;
    }

    boolean wholeNumbers() {
        return wholeNumbers;
    }

    public Set<Operator> operators() {
        return switch (type) {
            case NUMBER -> EnumSet.allOf(Operator.class);
            case BOOLEAN -> EnumSet.of(Operator.EQ, Operator.NE);
            case CHOICE -> EnumSet.of(Operator.EQ, Operator.NE, Operator.IN);
        };
    }

    public String messageKey() {
        return "subsidy.attribute." + name();
    }

    /** The message key of one choice, e.g. {@code elder.livingArrangement.ALONE}. */
    public String choiceMessageKey(String choice) {
        return switch (this) {
            case HUKOU_LOCAL, SOLITARY, LOST_ONLY_CHILD, ONLY_CHILD_DISABLED, LEFT_BEHIND, SPECIAL_CARE_RECIPIENT,
                    SERIOUS_ILLNESS, ASSESSMENT_VALID -> "subsidy.boolean." + choice;
            case DISABILITY_CATEGORY -> DisabilityCategory.valueOf(choice).messageKey();
            case LIVING_ARRANGEMENT -> LivingArrangement.valueOf(choice).messageKey();
            case ECONOMIC_STATUS -> EconomicStatus.valueOf(choice).messageKey();
            case LIFE_STATUS -> LifeStatus.valueOf(choice).messageKey();
            default -> throw new IllegalStateException(this + " has no choices");
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
