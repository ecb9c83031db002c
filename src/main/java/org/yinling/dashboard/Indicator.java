package org.yinling.dashboard;

/**
 * What managers track (domain guide, "Indicators"). Targets, where an indicator has one, are data
 * ({@link IndicatorTargets}); the definitions are here and in {@link IndicatorSheet}.
 */
public enum Indicator {
    ELDERS_60(Unit.PEOPLE),
    ELDERS_65(Unit.PEOPLE),
    ELDERS_80(Unit.PEOPLE),
    ELDERS_90(Unit.PEOPLE),
    ELDERS_100(Unit.PEOPLE),
    /**
     * 老龄化率: registered (户籍) elders 60+ / registered population; the year's official statistics where the region
     * has them (issue 21 §4), else the registry's local elders over the communities' registered population
     */
    AGING_RATIO(Unit.SHARE),
    /** the registry's own ratio: local (户籍) elders 60+ in the registry / the communities' registered population */
    AGING_RATIO_REGISTERED(Unit.SHARE),
    /** elders 60+ in the registry with local 户籍 (non-local elders are not counted against the 户籍 population) */
    ELDERS_60_LOCAL(Unit.PEOPLE),
    /** official statistics of the region for the year (户籍 population, 户籍 elders 60+ and 80+), when entered */
    POPULATION_STATISTICAL(Unit.COUNT),
    ELDERS_60_STATISTICAL(Unit.COUNT),
    ELDERS_80_STATISTICAL(Unit.COUNT),
    /** all beds × 1000 / elders 60+ (the official 户籍 elders 60+ where the region has statistics) */
    BEDS_PER_THOUSAND(Unit.PER_THOUSAND),
    /** beds of residential institutions (not day care, not mutual-aid homes) × 1000 / elders 60+ */
    INSTITUTION_BEDS_PER_THOUSAND(Unit.PER_THOUSAND),
    /** nursing beds of institutions (养老机构) / beds of institutions: day-care centres and 幸福院 not counted */
    NURSING_BED_SHARE(Unit.SHARE),
    /**
     * 护理型养老机构 (seed 002: at least 4): institutions (养老机构) whose nursing beds are at least the share set as
     * NURSING_INSTITUTION_SHARE of their beds
     */
    NURSING_INSTITUTIONS(Unit.COUNT),
    /** bed totals beside the ratios: all beds, beds of institutions (养老机构), nursing beds of institutions */
    BEDS(Unit.COUNT),
    INSTITUTION_BEDS(Unit.COUNT),
    NURSING_BEDS(Unit.COUNT),
    /** occupied beds / all beds */
    OCCUPANCY(Unit.SHARE),
    /**
     * central urban communities with a day-care centre / central urban communities (seed 001: 中心城区, 100 %): 城乡分类
     * 111 主城区, and 112 城乡结合区 where the district's FRINGE_IS_CENTRAL setting says so
     */
    DAY_CARE_URBAN(Unit.SHARE),
    /** rural communities (城乡分类 2xx) with a day-care centre / rural communities (seed 001: 60 %) */
    DAY_CARE_RURAL(Unit.SHARE),
    /** streets and townships with a care facility or station in one of their communities / streets (seed 001: 80 %) */
    FACILITY_STREETS(Unit.SHARE),
    /** rural communities with a care facility or station / rural communities (seed 001: 60 %) */
    FACILITY_RURAL(Unit.SHARE),
    /** communities served by an operating meal point / communities */
    MEAL_POINT_COVERAGE(Unit.SHARE),
    /** caregivers with a valid certificate / active caregivers */
    CAREGIVER_CERTIFIED(Unit.SHARE),
    /** 特困 elders living in an institution / 特困 elders (特困人员集中供养率) */
    EXTREME_POVERTY_CONCENTRATED(Unit.SHARE),
    /** elders whose latest capability level is 2–4 (moderately to completely disabled) */
    CAPABILITY_2_TO_4(Unit.PEOPLE),
    /**
     * 政府购买服务老人数 (seed 002): elders served this month, at least one home-care order confirmed by the elder
     * (CONFIRMED or CALLED_BACK) in the month
     */
    PURCHASED_SERVICE_ELDERS(Unit.PEOPLE),
    /** active entitlements of all policies */
    ACTIVE_ENTITLEMENTS(Unit.PEOPLE),
    /** this month's batch, lines not failed, elder and organisation lines */
    MONTH_SPENDING(Unit.MONEY),
    /** active entitlements of a purchased-service or home-care policy (the old count of seed 002's figure) */
    PURCHASED_SERVICE_ENTITLEMENTS(Unit.PEOPLE),
    /** elders with a home-care service budget for this month */
    HOME_CARE_BUDGET_ELDERS(Unit.PEOPLE),
    /** home-care visits delivered this month: orders confirmed by the elder (CONFIRMED or CALLED_BACK) */
    HOME_CARE_VISITS(Unit.COUNT),
    /** hours delivered this month: check-out − check-in of the confirmed orders */
    HOME_CARE_HOURS(Unit.HOURS),
    /** amounts of this month's orders not cancelled or missed / this month's budgets (with what was carried over) */
    HOME_CARE_BUDGET_USED(Unit.SHARE),
    /** confirmed orders checked in within the missed-after minutes of their scheduled time / confirmed orders */
    HOME_CARE_ON_TIME(Unit.SHARE),
    /** call-backs that found the visit delivered as recorded / call-backs recorded, on this month's orders */
    HOME_CARE_CALLBACK_CONFIRMED(Unit.SHARE),
    /** call-backs on this month's orders that recorded a complaint */
    HOME_CARE_COMPLAINTS(Unit.COUNT),
    /** 探访 (issue 19): elders on the visit roster this month (visit_month rows still on the roster) */
    VISIT_ROSTER(Unit.PEOPLE),
    /** 月探访率: rostered elders with at least one counted visit (reached) in the month / rostered elders */
    VISIT_RATE(Unit.SHARE),
    /** the same, elders of the high risk tier */
    VISIT_RATE_HIGH(Unit.SHARE),
    /** the same, elders of the medium risk tier */
    VISIT_RATE_MEDIUM(Unit.SHARE),
    /** the same, elders of the low risk tier */
    VISIT_RATE_LOW(Unit.SHARE),
    /** rostered elders without a counted visit in the month, the month before and the one before that */
    VISIT_UNVISITED_3M(Unit.PEOPLE),
    /**
     * 监督检查覆盖率 (issue 23): institutions not closed with at least one submitted inspection this calendar year /
     * institutions not closed (target 100 %)
     */
    INSPECTION_COVERAGE(Unit.SHARE),
    /** findings not closed (as of the day), all severities */
    FINDINGS_OPEN(Unit.COUNT),
    /** red (major) findings not closed */
    FINDINGS_OPEN_RED(Unit.COUNT),
    /** findings not closed and past their deadline */
    FINDINGS_OVERDUE(Unit.COUNT),
    /** red findings not closed and past their deadline */
    FINDINGS_OVERDUE_RED(Unit.COUNT),
    /** incidents in institutions this calendar year (up to the day) */
    INCIDENTS_YEAR(Unit.COUNT),
    /** incidents this year × 100 / beds of the region's institutions in operation */
    INCIDENTS_PER_100_BEDS(Unit.PER_HUNDRED);

    /** How a value reads, and whether a small one could identify people. */
    public enum Unit {
        PEOPLE, SHARE, PER_THOUSAND, MONEY,
        /** per 100 (incidents per 100 beds), one decimal */
        PER_HUNDRED,
        /** a count of things, not of people (visits, complaints): never hidden as small */
        COUNT,
        /** hours, one decimal */
        HOURS;
    }

    private final Unit unit;

    Indicator(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /** Counts of people take a target only for the region it is set for: a district's target is not a street's. */
    public boolean targetInherited() {
        return unit == Unit.SHARE || unit == Unit.PER_THOUSAND || unit == Unit.PER_HUNDRED;
    }

    public String messageKey() {
        return "indicator." + name();
    }

    public String helpKey() {
        return "indicator." + name() + ".help";
    }
}
