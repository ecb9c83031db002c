package org.yinling.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** Builds a region's dashboard: figures per community from the records, summed up to the child regions. */
@Service
class DashboardService {

    static final int GAPS_SHOWN = 20;
    static final int SPENDING_MONTHS = 12;

    private final FigureQueries queries;
    private final IndicatorTargets targets;
    private final StreetStaffing staffing;
    private final Regions regions;
    private final IndicatorSettings settings;
    private final org.yinling.region.OfficialStatistics statistics;

    DashboardService(FigureQueries queries, IndicatorTargets targets, StreetStaffing staffing, Regions regions,
                     IndicatorSettings settings, org.yinling.region.OfficialStatistics statistics) {
        this.queries = queries;
        this.targets = targets;
        this.staffing = staffing;
        this.regions = regions;
        this.settings = settings;
        this.statistics = statistics;
    }

    /** One consistent snapshot: every statement of a dashboard reads the same committed state. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Dashboard build(RegionView region, LocalDate day) {
        Map<String, Figures> communities = queries.byCommunity(region.scope(), day, FigureQueries.ElderSource.TALLIES);
        List<IndicatorTargets.Target> allTargets = targets.all();
        List<RegionView> children = region.level() == RegionLevel.COMMUNITY ? List.of() : regions.children(region.code());
        List<String> codes = new ArrayList<>(children.stream().map(RegionView::code).toList());
        codes.add(region.code());
        Map<String, org.yinling.region.OfficialStatistic> official = statistics.latest(codes, day.getYear());
        Figures total = sum(communities, region.code().substring(0, region.level().significantDigits()));
        total.statistics = official.get(region.code());
        IndicatorSheet sheet = IndicatorSheet.of(total, targets.forRegion(region, day, allTargets));

        List<Dashboard.UnitRow> units = new ArrayList<>();
        for (RegionView child : children) {
            Figures figures = sum(communities, child.code().substring(0, child.level().significantDigits()));
            figures.statistics = official.get(child.code());
            units.add(new Dashboard.UnitRow(child, figures,
                    IndicatorSheet.of(figures, targets.forRegion(child, day, allTargets))));
        }
        LocalDate month = day.withDayOfMonth(1);
        return new Dashboard(region, regions.path(region.code()), day, total, sheet, units,
                staffing(region, sheet, units, communities, day), gaps(communities),
                queries.spendingByMonth(region.scope(), month.minusMonths(SPENDING_MONTHS - 1), month),
                queries.policyNames(), elders80(communities), queries.byProvider(region.scope(), day),
                Figures.unvisited(communities));
    }

    private static Map<String, Long> elders80(Map<String, Figures> communities) {
        Map<String, Long> elders80 = new java.util.TreeMap<>();
        communities.forEach((code, f) -> elders80.put(code, f.atLeast(80)));
        return elders80;
    }

    /**
     * Seed 002's staffing rule for the regions shown: a district's own guidance centre and its streets; a street and
     * its communities; a community alone.
     */
    private List<StreetStaffing.Row> staffing(RegionView region, IndicatorSheet sheet, List<Dashboard.UnitRow> units,
                                              Map<String, Figures> communities, LocalDate day) {
        Map<IndicatorSettings.Setting, java.math.BigDecimal> set = settings.forRegion(region.code(), day);
        Map<String, Integer> recorded = staffing.recorded(region.scope());
        List<StreetStaffing.Row> rows = new ArrayList<>();
        switch (region.level()) {
            case DISTRICT -> {
                rows.add(StreetStaffing.district(region.code(), region.name(), set, recorded.get(region.code())));
                for (Dashboard.UnitRow street : units) {
                    rows.add(StreetStaffing.street(street.region().code(), street.region().name(), street.sheet(),
                            communities, set, recorded));
                }
            }
            case STREET -> {
                rows.add(StreetStaffing.street(region.code(), region.name(), sheet, communities, set, recorded));
                for (Dashboard.UnitRow community : units) {
                    rows.add(StreetStaffing.community(community.region().code(), community.region().name(),
                            community.figures(), set, recorded.get(community.region().code())));
                }
            }
            case COMMUNITY -> {
                Figures figures = communities.getOrDefault(region.code(), new Figures());
                rows.add(StreetStaffing.community(region.code(), region.name(), figures, set,
                        recorded.get(region.code())));
            }
        }
        return rows;
    }

    /** Communities without a day-care centre or a meal point, most elders 80+ first. */
    private List<Dashboard.CareGap> gaps(Map<String, Figures> communities) {
        List<Dashboard.CareGap> gaps = new ArrayList<>();
        communities.forEach((code, f) -> {
            boolean dayCare = f.urbanWithDayCare + f.ruralWithDayCare > 0;
            boolean meal = f.withMealPoint > 0;
            if (!dayCare || !meal) {
                regions.find(code).ifPresent(c -> gaps.add(new Dashboard.CareGap(c, dayCare, meal, f.atLeast(80))));
            }
        });
        gaps.sort(Comparator.comparingLong(Dashboard.CareGap::elders80).reversed()
                .thenComparing(g -> g.community().code()));
        return gaps.size() > GAPS_SHOWN ? gaps.subList(0, GAPS_SHOWN) : gaps;
    }

    /** The figures of the communities under a prefix, with the streets they make up and those with a facility. */
    static Figures sum(Map<String, Figures> communities, String prefix) {
        Figures total = new Figures();
        java.util.Set<String> streets = new java.util.HashSet<>();
        java.util.Set<String> withFacility = new java.util.HashSet<>();
        communities.forEach((code, figures) -> {
            if (code.startsWith(prefix)) {
                total.add(figures);
                streets.add(code.substring(0, 9));
                if (figures.withFacility > 0) {
                    withFacility.add(code.substring(0, 9));
                }
            }
        });
        total.streets = streets.size();
        total.streetsWithFacility = withFacility.size();
        return total;
    }
}
