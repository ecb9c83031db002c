package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.yinling.region.RegionView;

/**
 * A month's report (月报) for a region: the indicators at the end of the month and the change since the end of the
 * month before, entitlements granted and stopped in the month, the month's payments by policy and child region,
 * and the institutions that opened.
 */
public record MonthlyReport(RegionView region, YearMonth month, LocalDate asOf, LocalDate previousAsOf,
                     IndicatorSheet sheet, IndicatorSheet previous, List<UnitLine> units,
                     List<EntitlementChange> entitlementChanges, List<Payment> payments,
                     List<OpenedInstitution> institutionsOpened, Map<String, String> policyNames,
                     Map<String, Long> unvisitedByCommunity) {

    /** The columns of the report's supervision section (issue 23 §8), page and .xlsx alike. */
    public static final List<Indicator> SUPERVISION_COLUMNS = List.of(Indicator.INSPECTION_COVERAGE,
            Indicator.FINDINGS_OPEN, Indicator.FINDINGS_OPEN_RED, Indicator.FINDINGS_OVERDUE,
            Indicator.FINDINGS_OVERDUE_RED, Indicator.INCIDENTS_YEAR, Indicator.INCIDENTS_PER_100_BEDS);

    /** The communities with elders on the roster not visited in the three months up to this one, most first. */
    public List<Map.Entry<String, Long>> unvisited() {
        return Figures.mostFirst(unvisitedByCommunity);
    }

    /** A child region's main figures at the end of the month. */
    public record UnitLine(RegionView region, IndicatorSheet sheet) {
    }

    /** Entitlements of a policy granted and stopped in the month, in a child region (or the region itself). */
    public record EntitlementChange(String policy, String regionCode, long granted, long stopped) {
    }

    /** The month's batch, lines not failed, by policy (or organisation line kind) and child region. */
    public record Payment(String policy, String regionCode, long lines, BigDecimal amount) {
    }

    public record OpenedInstitution(String name, String kind, String communityCode, LocalDate openedOn, long beds) {
    }

    /** The change of an indicator since the month before, in its own unit; null when either value is missing. */
    public BigDecimal change(Indicator indicator) {
        BigDecimal now = sheet.get(indicator).value();
        BigDecimal before = previous.get(indicator).value();
        return now == null || before == null ? null : now.subtract(before);
    }
}
