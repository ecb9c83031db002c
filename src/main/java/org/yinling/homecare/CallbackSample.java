package org.yinling.homecare;

/**
 * The size of a month's call-back sample of a provider's confirmed orders: 95 % confidence (z = 1.96), a margin of
 * ±10 % and p = 0.5 give n0 = z²·p(1−p)/e² = 96.04; with the finite-population correction
 * n = ceil(n0 / (1 + (n0 − 1) / N)), at least 5, or all of them when there are 5 or fewer. In whole numbers
 * n0 / (1 + (n0 − 1) / N) = 9604·N / (100·N + 9504), so Java and SQL ({@link #SQL}) compute it exactly alike.
 */
final class CallbackSample {

    /** The same rule in SQL over a population column or expression {@code %1$s} (bigint). */
    static final String SQL = "CASE WHEN %1$s <= 5 THEN %1$s ELSE LEAST(%1$s, GREATEST(5, "
            + "(9604 * CAST(%1$s AS bigint) + 100 * CAST(%1$s AS bigint) + 9503) / (100 * CAST(%1$s AS bigint) + 9504))) END";

    private CallbackSample() {
    }

    static int size(int population) {
        if (population < 0) {
            throw new IllegalArgumentException("population " + population);
        }
        if (population <= 5) {
            return population;
        }
        long n = population;
        long size = (9604 * n + 100 * n + 9503) / (100 * n + 9504);   // the ceiling of 9604·N / (100·N + 9504)
        return (int) Math.min(n, Math.max(5, size));
    }

    static String sql(String population) {
        return SQL.formatted(population);
    }
}
