package org.yinling.dashboard;

/**
 * The unit of a field of a statistics layout: what one of its numbers counts. Counts are whole numbers (JSON numbers,
 * numeric cells), {@link #YUAN} an amount with two decimals (a decimal string in JSON, a money cell in the .xlsx),
 * {@link #HOURS} one decimal, {@link #PERCENT} two decimals (empty where its base is zero).
 */
enum StatisticsUnit {
    INSTITUTIONS, BEDS, PEOPLE, MEALS, VISITS, HOURS, YUAN, PERCENT;

    /** Whether a value of this unit counts people (a manager sees 1 to 4 of them as "&lt;5", {@link SmallCounts}). */
    boolean people() {
        return this == PEOPLE;
    }

    boolean money() {
        return this == YUAN;
    }

    String messageKey() {
        return "statistics.unit." + name();
    }
}
