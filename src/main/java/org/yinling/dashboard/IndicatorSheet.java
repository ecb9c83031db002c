package org.yinling.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The indicators of one region, computed from its figures and checked against its targets. */
public record IndicatorSheet(Map<Indicator, IndicatorValue> values) {

    static IndicatorSheet of(Figures f, Map<Indicator, BigDecimal> targets) {
        Map<Indicator, IndicatorValue> values = new EnumMap<>(Indicator.class);
        long elders60 = f.atLeast(60);
        org.yinling.region.OfficialStatistic statistics = f.statistics;
        // where the region has official statistics, they are the denominators (issue 21 §4)
        long elders60Base = statistics != null ? statistics.elders60() : elders60;
        put(values, targets, Indicator.ELDERS_60, elders60, 1);
        put(values, targets, Indicator.ELDERS_65, f.atLeast(65), 1);
        put(values, targets, Indicator.ELDERS_80, f.atLeast(80), 1);
        put(values, targets, Indicator.ELDERS_90, f.atLeast(90), 1);
        put(values, targets, Indicator.ELDERS_100, f.atLeast(100), 1);
        if (statistics != null) {
            put(values, targets, Indicator.AGING_RATIO, statistics.elders60(), statistics.registeredPopulation());
        } else {
            put(values, targets, Indicator.AGING_RATIO, f.local60, f.population);
        }
        put(values, targets, Indicator.AGING_RATIO_REGISTERED, f.local60, f.population);
        put(values, targets, Indicator.ELDERS_60_LOCAL, f.local60, 1);
        statistic(values, Indicator.POPULATION_STATISTICAL, statistics == null ? null : statistics.registeredPopulation());
        statistic(values, Indicator.ELDERS_60_STATISTICAL, statistics == null ? null : statistics.elders60());
        statistic(values, Indicator.ELDERS_80_STATISTICAL, statistics == null ? null : statistics.elders80());
        put(values, targets, Indicator.BEDS_PER_THOUSAND, f.beds, elders60Base);
        put(values, targets, Indicator.INSTITUTION_BEDS_PER_THOUSAND, f.institutionBeds, elders60Base);
        put(values, targets, Indicator.NURSING_BED_SHARE, f.institutionNursingBeds, f.institutionBeds);
        put(values, targets, Indicator.NURSING_INSTITUTIONS, f.nursingInstitutions, 1);
        put(values, targets, Indicator.BEDS, f.beds, 1);
        put(values, targets, Indicator.INSTITUTION_BEDS, f.institutionBeds, 1);
        put(values, targets, Indicator.NURSING_BEDS, f.institutionNursingBeds, 1);
        put(values, targets, Indicator.OCCUPANCY, f.occupiedBeds, f.beds);
        put(values, targets, Indicator.DAY_CARE_URBAN, f.urbanWithDayCare, f.urbanCommunities);
        put(values, targets, Indicator.DAY_CARE_RURAL, f.ruralWithDayCare, f.ruralCommunities);
        put(values, targets, Indicator.FACILITY_STREETS, f.streetsWithFacility, f.streets);
        put(values, targets, Indicator.FACILITY_RURAL, f.ruralWithFacility, f.ruralCommunities);
        put(values, targets, Indicator.MEAL_POINT_COVERAGE, f.withMealPoint, f.communities);
        put(values, targets, Indicator.CAREGIVER_CERTIFIED, f.certifiedCaregivers, f.caregivers);
        put(values, targets, Indicator.EXTREME_POVERTY_CONCENTRATED, f.extremePovertyInCare, f.extremePoverty);
        put(values, targets, Indicator.CAPABILITY_2_TO_4, f.capability2to4, 1);
        put(values, targets, Indicator.PURCHASED_SERVICE_ELDERS, f.purchasedServiceElders, 1);
        put(values, targets, Indicator.ACTIVE_ENTITLEMENTS, f.entitlements(), 1);
        put(values, targets, Indicator.PURCHASED_SERVICE_ENTITLEMENTS, f.purchasedServiceEntitlements, 1);
        put(values, targets, Indicator.HOME_CARE_BUDGET_ELDERS, f.budgetElders, 1);
        put(values, targets, Indicator.HOME_CARE_VISITS, f.visits, 1);
        put(values, targets, Indicator.HOME_CARE_HOURS, f.serviceSeconds, 1);
        put(values, targets, Indicator.HOME_CARE_BUDGET_USED, f.budgetUsedFen, f.budgetFen);
        put(values, targets, Indicator.HOME_CARE_ON_TIME, f.onTimeVisits, f.visits);
        put(values, targets, Indicator.HOME_CARE_CALLBACK_CONFIRMED, f.callbacksDelivered, f.callbacks);
        put(values, targets, Indicator.HOME_CARE_COMPLAINTS, f.complaints, 1);
        put(values, targets, Indicator.VISIT_ROSTER, f.rosteredAll(), 1);
        put(values, targets, Indicator.VISIT_RATE, f.visitedAll(), f.rosteredAll());
        put(values, targets, Indicator.VISIT_RATE_HIGH, f.visited[0], f.rostered[0]);
        put(values, targets, Indicator.VISIT_RATE_MEDIUM, f.visited[1], f.rostered[1]);
        put(values, targets, Indicator.VISIT_RATE_LOW, f.visited[2], f.rostered[2]);
        put(values, targets, Indicator.VISIT_UNVISITED_3M, f.unvisited3m, 1);
        put(values, targets, Indicator.INSPECTION_COVERAGE, f.inspectedInstitutions, f.supervisedInstitutions);
        put(values, targets, Indicator.FINDINGS_OPEN, f.findingsOpenAll(), 1);
        put(values, targets, Indicator.FINDINGS_OPEN_RED, f.findingsOpen[0], 1);
        put(values, targets, Indicator.FINDINGS_OVERDUE, f.findingsOverdueAll(), 1);
        put(values, targets, Indicator.FINDINGS_OVERDUE_RED, f.findingsOverdue[0], 1);
        put(values, targets, Indicator.INCIDENTS_YEAR, f.incidents, 1);
        put(values, targets, Indicator.INCIDENTS_PER_100_BEDS, f.incidents, f.beds);
        BigDecimal spending = f.spending();
        values.put(Indicator.MONTH_SPENDING, value(Indicator.MONTH_SPENDING, spending, 0, 0,
                targets.get(Indicator.MONTH_SPENDING)));
        return new IndicatorSheet(values);
    }

    private static void put(Map<Indicator, IndicatorValue> values, Map<Indicator, BigDecimal> targets,
                            Indicator indicator, long numerator, long denominator) {
        BigDecimal value = switch (indicator.unit()) {
            case PEOPLE, MONEY, COUNT -> BigDecimal.valueOf(numerator);
            // the numerator is in seconds
            case HOURS -> BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
            case SHARE -> denominator == 0 ? null
                    : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
            case PER_THOUSAND -> denominator == 0 ? null
                    : BigDecimal.valueOf(numerator * 1000).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
            case PER_HUNDRED -> denominator == 0 ? null
                    : BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        };
        values.put(indicator, value(indicator, value, numerator, denominator, targets.get(indicator)));
    }

    /** An official figure: no value (shown as a dash) when the region has no statistics. */
    private static void statistic(Map<Indicator, IndicatorValue> values, Indicator indicator, Long figure) {
        values.put(indicator, new IndicatorValue(indicator, figure == null ? null : BigDecimal.valueOf(figure),
                figure == null ? 0 : figure, 1, null, null, TargetStatus.NONE));
    }

    private static IndicatorValue value(Indicator indicator, BigDecimal value, long numerator, long denominator,
                                        BigDecimal target) {
        BigDecimal gap = value == null || target == null ? null : target.subtract(value).max(BigDecimal.ZERO);
        return new IndicatorValue(indicator, value, numerator, denominator, target, gap, TargetStatus.of(value, target));
    }

    public IndicatorValue get(Indicator indicator) {
        return values.get(indicator);
    }

    /** Indicators with a target, furthest from it first; those met last. */
    public List<IndicatorValue> worstFirst() {
        List<IndicatorValue> targeted = new ArrayList<>(values.values().stream()
                .filter(v -> v.status() != TargetStatus.NONE).toList());
        targeted.sort(Comparator.comparingDouble(IndicatorValue::shortfall).reversed()
                .thenComparing(IndicatorValue::indicator));
        return targeted;
    }

    /** Indicators without a target (counts and context), in their order. */
    public List<IndicatorValue> untargeted() {
        return values.values().stream().filter(v -> v.status() == TargetStatus.NONE).toList();
    }
}
