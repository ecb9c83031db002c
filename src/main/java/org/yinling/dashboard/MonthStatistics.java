package org.yinling.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.yinling.region.RegionView;

/**
 * A region's figures for one month, from which every layout reads its fields. The counts the dashboard and the
 * monthly report already define come from their {@link Figures} and {@link IndicatorSheet} (same statements, same
 * definitions); the rest from {@link StatisticsExportStore}.
 *
 * @param asOf                  the day counted: the month's last day, or today for the current month
 * @param figures               the region's figures as of that day ({@link FigureQueries}, elders from the records)
 * @param sheet                 the dashboard's indicators computed from them
 * @param institutionsByKind    institutions operating on the day, by {@code institution.kind}
 * @param recipientsByKind      elders with a payment line of the month's batch, by policy kind, and in all under
 *                              {@link StatisticsExportStore#ALL}
 * @param policyKinds           each policy code's kind (to sum the batch's amounts per kind)
 * @param meals                 the month's meals at the region's meal points
 */
record MonthStatistics(RegionView region, YearMonth month, LocalDate asOf, Figures figures, IndicatorSheet sheet,
                       Map<String, Long> institutionsByKind, Map<String, Long> recipientsByKind,
                       Map<String, String> policyKinds, StatisticsExportStore.Meals meals) {

    static final int[] AGE_GROUPS = {60, 70, 80, 90, 100};

    long institutions(String kind) {
        return institutionsByKind.getOrDefault(kind, 0L);
    }

    long institutions() {
        return institutionsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    long beds(String kind) {
        long[] beds = figures.bedsByKind.get(kind);
        return beds == null ? 0 : beds[0];
    }

    /** An indicator of the dashboard that is a whole count. */
    long count(Indicator indicator) {
        BigDecimal value = sheet.get(indicator).value();
        return value == null ? 0 : value.longValueExact();
    }

    /** Elders from {@code from} years old up to the next age group (100: and over), local 户籍 or the others. */
    long elders(int from, boolean local) {
        int i = Figures.ageIndex(from);
        int next = nextGroup(from);
        long all = figures.atLeast(from) - (next < 0 ? 0 : figures.atLeast(next));
        long locals = figures.localAtLeast[i] - (next < 0 ? 0 : figures.localAtLeast[Figures.ageIndex(next)]);
        return local ? locals : all - locals;
    }

    private static int nextGroup(int from) {
        for (int k = 0; k + 1 < AGE_GROUPS.length; k++) {
            if (AGE_GROUPS[k] == from) {
                return AGE_GROUPS[k + 1];
            }
        }
        return -1;
    }

    long recipients(String policyKind) {
        return recipientsByKind.getOrDefault(policyKind, 0L);
    }

    /** The month's batch amount (lines not failed) of the policies of a kind; {@link StatisticsExportStore#ALL}: all. */
    BigDecimal paid(String policyKind) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : figures.spendingByPolicy.entrySet()) {
            String kind = policyKinds.get(e.getKey());
            if (kind != null && (StatisticsExportStore.ALL.equals(policyKind) || kind.equals(policyKind))) {
                sum = sum.add(e.getValue());
            }
        }
        return money(sum);
    }

    /** The month's batch amount paid to organisations of a line kind (OPERATING, CONSTRUCTION, MEAL, HOME_CARE). */
    BigDecimal paidToOrganisations(String lineKind) {
        return money(policyKinds.containsKey(lineKind) ? BigDecimal.ZERO
                : figures.spendingByPolicy.getOrDefault(lineKind, BigDecimal.ZERO));
    }

    BigDecimal homeCareAmount() {
        return money(BigDecimal.valueOf(figures.budgetUsedFen).movePointLeft(2));
    }

    /** A share of the dashboard (0 to 1, four places) as a percentage with two places; null where undefined. */
    BigDecimal percent(Indicator indicator) {
        BigDecimal share = sheet.get(indicator).value();
        return share == null ? null : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
