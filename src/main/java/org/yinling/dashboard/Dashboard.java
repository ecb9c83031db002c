package org.yinling.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.yinling.region.RegionView;

/**
 * What the dashboard page shows for one region on one day: its indicators against their targets, one row per child
 * region, the street staffing rule, the communities to act on, and the figures behind the charts; and the elders 80+
 * of every community of the region, which the page does not show, but which {@link PageDisclosures} needs to know
 * what the care-gap list gives away; and the month's home care per provider.
 */
public record Dashboard(RegionView region, List<RegionView> path, LocalDate day, Figures total, IndicatorSheet sheet,
                 List<UnitRow> units, List<StreetStaffing.Row> staffing, List<CareGap> gaps,
                 List<FigureQueries.MonthlySpending> spendingByMonth, Map<String, String> policyNames,
                 Map<String, Long> elders80ByCommunity, List<FigureQueries.ProviderFigures> providers,
                 Map<String, Long> unvisitedByCommunity) {

    /** A child region (street or community) with its figures and indicators. */
    public record UnitRow(RegionView region, Figures figures, IndicatorSheet sheet) {
    }

    /** A community without a day-care centre or a meal point, with its elders 80+ (the ranking). */
    public record CareGap(RegionView community, boolean dayCare, boolean mealPoint, long elders80) {
    }

    /** The communities with elders on the roster not visited in three months, most first (issue 19). */
    public List<Map.Entry<String, Long>> unvisited() {
        return Figures.mostFirst(unvisitedByCommunity);
    }

    public boolean leaf() {
        return units.isEmpty();
    }
}
