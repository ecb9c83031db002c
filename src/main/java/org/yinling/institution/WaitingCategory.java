package org.yinling.institution;

/**
 * Priority groups of the public waiting list (seed 002): 特困 elders first, then other government-supported elders
 * (低保, 低保边缘), then everyone else. Derived from the elder's economic status when the list is read.
 */
public enum WaitingCategory {
    EXTREME_POVERTY, GOVERNMENT_SUPPORTED, OTHER;

    public String messageKey() {
        return "waiting.category." + name();
    }

    /** The same grouping in SQL over {@code elder e}, as a rank (0 first). */
    static final String RANK_SQL = "CASE e.economic_status WHEN 'EXTREME_POVERTY' THEN 0 "
            + "WHEN 'MINIMUM_LIVING' THEN 1 WHEN 'MARGINAL' THEN 1 ELSE 2 END";
}
