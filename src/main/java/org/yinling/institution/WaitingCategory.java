package org.yinling.institution;

import java.util.List;

/**
 * The priority rules of the public waiting list (公开轮候, seed 002; issue 21 §6), each a condition over the elder:
 * 特困, 低保 / 低保边缘, 失能 (capability level 3–4), 高龄 (80+), 计生特殊家庭 (失独 or 独生子女伤残), 优抚对象. Their
 * order is data ({@code waiting_priority_rule}, per district and from a date); an elder is ranked by the first rule they
 * match, then by application date. {@link #OTHER} is the place of an elder who matches none.
 */
public enum WaitingCategory {
    EXTREME_POVERTY, GOVERNMENT_SUPPORTED, DISABLED, OLD_AGE, FAMILY_PLANNING, SPECIAL_CARE, OTHER;

    /** The rules a district orders (every category but {@link #OTHER}), in the default order. */
    public static List<WaitingCategory> rules() {
        return List.of(EXTREME_POVERTY, GOVERNMENT_SUPPORTED, DISABLED, OLD_AGE, FAMILY_PLANNING, SPECIAL_CARE);
    }

    public String messageKey() {
        return "waiting.category." + name();
    }

    /**
     * Whether {@code elder e} matches the rule {@code rule} (an SQL expression of a rule name) on {@code :today}: the
     * same conditions as the category names say.
     */
    static String matches(String rule) {
        return """
                CASE %s WHEN 'EXTREME_POVERTY' THEN e.economic_status = 'EXTREME_POVERTY'
                     WHEN 'GOVERNMENT_SUPPORTED' THEN e.economic_status IN ('MINIMUM_LIVING', 'MARGINAL')
                     WHEN 'DISABLED' THEN COALESCE(e.capability_level >= 3, FALSE)
                     WHEN 'OLD_AGE' THEN e.birth_date <= CAST(:today AS date) - INTERVAL '80 years'
                     WHEN 'FAMILY_PLANNING' THEN e.lost_only_child OR e.only_child_disabled
                     WHEN 'SPECIAL_CARE' THEN e.special_care_recipient
                     ELSE FALSE END""".formatted(rule);
    }
}
