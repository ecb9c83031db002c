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

    DashboardService(FigureQueries queries, IndicatorTargets targets, StreetStaffing staffing, Regions regions) {
        this.queries = queries;
        this.targets = targets;
        this.staffing = staffing;
        this.regions = regions;
    }

    /** One consistent snapshot: every statement of a dashboard reads the same committed state. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Dashboard build(RegionView region, LocalDate day) {
        Map<String, Figures> communities = queries.byCommunity(region.scope(), day, FigureQueries.ElderSource.TALLIES);
        List<IndicatorTargets.Target> allTargets = targets.all();
        Figures total = sum(communities, region.code().substring(0, region.level().significantDigits()));
        IndicatorSheet sheet = IndicatorSheet.of(total, targets.forRegion(region, day, allTargets));

        List<Dashboard.UnitRow> units = new ArrayList<>();
        if (region.level() != RegionLevel.COMMUNITY) {
            for (RegionView child : regions.children(region.code())) {
                Figures figures = sum(communities, child.code().substring(0, child.level().significantDigits()));
                units.add(new Dashboard.UnitRow(child, figures,
                        IndicatorSheet.of(figures, targets.forRegion(child, day, allTargets))));
            }
        }
        LocalDate month = day.withDayOfMonth(1);
        return new Dashboard(region, regions.path(region.code()), day, total, sheet, units,
                staffing(region, units, communities), gaps(communities),
                queries.spendingByMonth(region.scope(), month.minusMonths(SPENDING_MONTHS - 1), month),
                queries.policyNames(), elders80(communities), queries.byProvider(region.scope(), day),
                Figures.unvisited(communities));
    }

    private static Map<String, Long> elders80(Map<String, Figures> communities) {
        Map<String, Long> elders80 = new java.util.TreeMap<>();
        communities.forEach((code, f) -> elders80.put(code, f.atLeast(80)));
        return elders80;
    }

    /** The staffing rule for the streets shown: the child streets of a district, or the street itself. */
    private List<StreetStaffing.Row> staffing(RegionView region, List<Dashboard.UnitRow> units,
                                              Map<String, Figures> communities) {
        List<Dashboard.UnitRow> streets = switch (region.level()) {
            case DISTRICT -> units;
            case STREET -> List.of(new Dashboard.UnitRow(region, sum(communities, region.code().substring(0, 9)), null));
            case COMMUNITY -> List.of();
        };
        Map<String, Integer> recorded = staffing.recorded(streets.stream().map(u -> u.region().code()).toList());
        return streets.stream().map(street -> {
            String prefix = street.region().code().substring(0, 9);
            IndicatorSheet sheet = street.sheet() != null ? street.sheet() : IndicatorSheet.of(street.figures(), Map.of());
            List<Figures> ofStreet = communities.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
            return StreetStaffing.rule(street.region().code(), street.region().name(), sheet, ofStreet,
                    recorded.get(street.region().code()));
        }).toList();
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

    static Figures sum(Map<String, Figures> communities, String prefix) {
        Figures total = new Figures();
        communities.forEach((code, figures) -> {
            if (code.startsWith(prefix)) {
                total.add(figures);
            }
        });
        return total;
    }
}
