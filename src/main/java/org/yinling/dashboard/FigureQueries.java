package org.yinling.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * Counts the figures of every community of a region on a day, set-based: one statement per kind of record, each
 * grouped by community. Everything is "as of" the day, so the monthly report can ask for the end of last month.
 * Elders are counted either from the tallies the elder table keeps by trigger (fast, for today) or from the elder
 * table itself (for a past day, and to prove the tallies right).
 */
@Component
class FigureQueries {

    /** Where elder counts come from. */
    enum ElderSource {
        /** elder_birth_tally and elder_status_tally: the elders active now */
        TALLIES,
        /** the elder table: elders registered by the day and neither dead nor moved out by then */
        RECORDS
    }

    /** A stay ({@code s}) under way on the day: admitted by then and not ended by then. */
    private static final String STAY_ON_DAY =
            "s.admitted_on <= CAST(:day AS date) AND (s.ended_on IS NULL OR s.ended_on > CAST(:day AS date))";

    private static final String RESIDENTIAL_KINDS =
            "('PUBLIC_HOME', 'RURAL_HOME', 'PRIVATE_HOME', 'EMBEDDED_MICRO', 'MEDICAL_CARE_COMBINED')";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final java.time.Clock clock;
    private final IndicatorSettings settings;

    FigureQueries(JdbcClient jdbc, Regions regions, java.time.Clock clock, IndicatorSettings settings) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
        this.settings = settings;
    }

    /** The region code a scope is of (its prefix padded with zeros), for the settings in force there. */
    private static String scopeCode(RegionScope scope) {
        String prefix = scope.prefix() == null ? "" : scope.prefix();
        return prefix.isEmpty() ? "" : (prefix + "000000000000").substring(0, 12);
    }

    /** The figures of every community in the scope (in code order), as of the day. */
    Map<String, Figures> byCommunity(RegionScope scope, LocalDate day, ElderSource source) {
        Map<String, Figures> communities = new LinkedHashMap<>();
        Map<IndicatorSettings.Setting, BigDecimal> set = settings.forRegion(scopeCode(scope), day);
        // seed 001's 中心城区: 111 主城区, and 112 城乡结合区 where the district says so; rural: 2xx (乡村); towns
        // (121–123) are neither and count in no day-care target
        boolean fringeCentral = set.get(IndicatorSettings.Setting.FRINGE_IS_CENTRAL).signum() > 0;
        for (RegionView community : regions.within(scope, RegionLevel.COMMUNITY)) {
            Figures figures = new Figures();
            figures.communities = 1;
            figures.population = community.registeredPopulation() == null ? 0 : community.registeredPopulation();
            org.yinling.region.UrbanRuralClass c = community.urbanRuralClass();
            boolean central = c == null || c == org.yinling.region.UrbanRuralClass.MAIN_URBAN
                    || c == org.yinling.region.UrbanRuralClass.URBAN_RURAL_FRINGE && fringeCentral;
            figures.urbanCommunities = central ? 1 : 0;
            figures.ruralCommunities = c != null && !c.isUrban() ? 1 : 0;
            communities.put(community.code(), figures);
        }
        if (communities.isEmpty()) {
            return communities;
        }
        Map<String, Object> params = Map.of("scope", scope.likePattern(), "day", day,
                "nursingShare", set.get(IndicatorSettings.Setting.NURSING_INSTITUTION_SHARE));
        if (source == ElderSource.TALLIES) {
            countTalliedElders(communities, params);
        } else {
            countRecordedElders(communities, params);
        }
        countBeds(communities, params);
        countFacilities(communities, params);
        countCaregivers(communities, params);
        countEntitlements(communities, params, source == ElderSource.TALLIES);
        countSpending(communities, params);
        countHomeCare(communities, params);
        countVisits(communities, params, source);
        countSupervision(communities, params);
        return communities;
    }

    /**
     * Supervision (issue 23 §8), as of the day (for today: now): institutions not closed and opened by then, those
     * with a submitted inspection in the calendar year up to the day; findings found by then and not closed by then,
     * by severity, and those of them past their deadline; incidents of the year up to then. Three grouped statements
     * over the institutions of the scope (a few thousand in a city) and the supervision tables' indexes.
     */
    private void countSupervision(Map<String, Figures> communities, Map<String, Object> params) {
        LocalDate day = (LocalDate) params.get("day");
        java.time.OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        java.time.OffsetDateTime at = endOfDay.isAfter(now) ? now : endOfDay;
        java.time.OffsetDateTime yearStart = day.withDayOfYear(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Map<String, Object> p = Map.of("scope", params.get("scope"), "day", day, "yearStart", day.withDayOfYear(1),
                "at", at, "yearStartAt", yearStart);
        jdbc.sql("""
                        SELECT i.community_code, count(*),
                               count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM supervision_inspection s
                                   WHERE s.institution_id = i.id AND s.status = 'SUBMITTED'
                                     AND s.inspected_on BETWEEN CAST(:yearStart AS date) AND CAST(:day AS date)))
                        FROM institution i
                        WHERE i.community_code LIKE :scope AND i.status <> 'CLOSED'
                          AND (i.opened_on IS NULL OR i.opened_on <= CAST(:day AS date))
                        GROUP BY 1
                        """)
                .params(p)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.supervisedInstitutions = rs.getLong(2);
                    figures.inspectedInstitutions = rs.getLong(3);
                }));
        jdbc.sql("""
                        SELECT i.community_code, f.severity, count(*), count(*) FILTER (WHERE f.deadline < :at)
                        FROM supervision_finding f JOIN institution i ON i.id = f.institution_id
                        WHERE i.community_code LIKE :scope AND f.found_at < :at AND (f.closed_at IS NULL OR f.closed_at >= :at)
                        GROUP BY 1, 2
                        """)
                .params(p)
                .query(toCommunity(communities, (figures, rs) -> {
                    int severity = Figures.severity(rs.getString(2));
                    figures.findingsOpen[severity] += rs.getLong(3);
                    figures.findingsOverdue[severity] += rs.getLong(4);
                }));
        jdbc.sql("""
                        SELECT i.community_code, count(*)
                        FROM supervision_incident n JOIN institution i ON i.id = n.institution_id
                        WHERE i.community_code LIKE :scope AND n.occurred_at >= :yearStartAt AND n.occurred_at < :at
                        GROUP BY 1
                        """)
                .params(p)
                .query(toCommunity(communities, (figures, rs) -> figures.incidents = rs.getLong(2)));
    }

    private void countTalliedElders(Map<String, Figures> communities, Map<String, Object> params) {
        // Full birth months from the tally: width_bucket puts each month between the boundary months of the
        // thresholds (oldest first), so bucket b means "old enough for the 9 - b highest thresholds" for the whole
        // month; one pass, a few hundred groups.
        jdbc.sql("""
                        WITH bounds AS (
                            SELECT array_agg(CAST(date_trunc('month', CAST(:day AS date) - make_interval(years => a)) AS date)
                                             ORDER BY a DESC) AS months
                            FROM unnest(CAST(:ages AS int[])) AS a)
                        SELECT t.community_code, t.sex, width_bucket(t.birth_month, b.months), sum(t.elders), t.hukou_local
                        FROM elder_birth_tally t CROSS JOIN bounds b
                        WHERE t.community_code LIKE :scope AND t.elders <> 0
                        GROUP BY 1, 2, 3, 5
                        """)
                .params(params).param("ages", ages())
                .query(toCommunity(communities, (figures, rs) -> {
                    int sex = sex(rs.getString(2));
                    int oldEnoughFor = Figures.AGES.length - rs.getInt(3);
                    for (int i = 0; i < oldEnoughFor; i++) {
                        figures.atLeast[sex][i] += rs.getLong(4);
                        if (rs.getBoolean(5)) {
                            figures.localAtLeast[i] += rs.getLong(4);
                        }
                    }
                    if (oldEnoughFor > 0 && rs.getBoolean(5)) {
                        figures.local60 += rs.getLong(4);
                    }
                }));
        // The boundary month of each threshold, from the elder table: one branch per threshold with its dates bound,
        // so that each is planned as a one-month range of elder_birth_scope_idx whatever the size of the scope (with
        // the dates computed in SQL the planner could not see the ranges and read a whole community from its index).
        LocalDate day = (LocalDate) params.get("day");
        StringBuilder branches = new StringBuilder();
        Map<String, Object> bounds = new LinkedHashMap<>(params);
        for (int i = 0; i < Figures.AGES.length; i++) {
            LocalDate bornBy = day.minusYears(Figures.AGES[i]);
            branches.append(i == 0 ? "" : "UNION ALL\n").append("""
                    SELECT e.community_code, e.sex, %d AS age, e.hukou_local FROM elder e
                    WHERE e.birth_date BETWEEN :from%d AND :by%d AND e.community_code LIKE :scope AND e.life_status = 'ACTIVE'
                    """.formatted(Figures.AGES[i], i, i));
            bounds.put("from" + i, bornBy.withDayOfMonth(1));
            bounds.put("by" + i, bornBy);
        }
        jdbc.sql("SELECT community_code, sex, age, count(*), hukou_local FROM (" + branches
                        + ") boundary GROUP BY 1, 2, 3, 5")
                .params(bounds)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.atLeast[sex(rs.getString(2))][Figures.ageIndex(rs.getInt(3))] += rs.getLong(4);
                    if (rs.getBoolean(5)) {
                        figures.localAtLeast[Figures.ageIndex(rs.getInt(3))] += rs.getLong(4);
                    }
                    if (rs.getInt(3) == Figures.AGES[0] && rs.getBoolean(5)) {
                        figures.local60 += rs.getLong(4);
                    }
                }));
        jdbc.sql("""
                        SELECT community_code, sum(elders),
                               coalesce(sum(elders) FILTER (WHERE economic_status = 'EXTREME_POVERTY'), 0),
                               coalesce(sum(elders) FILTER (WHERE capability_level BETWEEN 2 AND 4), 0)
                        FROM elder_status_tally WHERE community_code LIKE :scope GROUP BY 1
                        """)
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.activeElders = rs.getLong(2);
                    figures.extremePoverty = rs.getLong(3);
                    figures.capability2to4 = rs.getLong(4);
                }));
    }

    private void countRecordedElders(Map<String, Figures> communities, Map<String, Object> params) {
        String thresholds = IntStream.range(0, Figures.AGES.length)
                .mapToObj(i -> "count(*) FILTER (WHERE e.birth_date <= CAST(CAST(:day AS date) - make_interval(years => "
                        + Figures.AGES[i] + ") AS date))")
                .collect(Collectors.joining(",\n"));
        String localThresholds = IntStream.range(0, Figures.AGES.length)
                .mapToObj(i -> "count(*) FILTER (WHERE e.hukou_local AND e.birth_date <= CAST(CAST(:day AS date)"
                        + " - make_interval(years => " + Figures.AGES[i] + ") AS date))")
                .collect(Collectors.joining(",\n"));
        jdbc.sql("""
                        SELECT e.community_code, e.sex, count(*),
                               count(*) FILTER (WHERE e.economic_status = 'EXTREME_POVERTY'),
                               count(*) FILTER (WHERE e.capability_level BETWEEN 2 AND 4),
                        %s,
                               count(*) FILTER (WHERE e.hukou_local AND e.birth_date <= CAST(CAST(:day AS date)
                                                - make_interval(years => 60) AS date)),
                        %s
                        FROM elder e
                        WHERE e.community_code LIKE :scope AND e.created_at < CAST(:day AS date) + 1
                          AND (e.life_status = 'ACTIVE' OR e.life_status_date > CAST(:day AS date))
                        GROUP BY 1, 2
                        """.formatted(thresholds, localThresholds))
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    int sex = sex(rs.getString(2));
                    figures.activeElders += rs.getLong(3);
                    figures.extremePoverty += rs.getLong(4);
                    figures.capability2to4 += rs.getLong(5);
                    for (int i = 0; i < Figures.AGES.length; i++) {
                        figures.atLeast[sex][i] = rs.getLong(6 + i);
                    }
                    figures.local60 += rs.getLong(6 + Figures.AGES.length);
                    for (int i = 0; i < Figures.AGES.length; i++) {
                        figures.localAtLeast[i] += rs.getLong(7 + Figures.AGES.length + i);
                    }
                }));
    }

    private void countBeds(Map<String, Figures> communities, Map<String, Object> params) {
        // per institution (a few thousand in a city), so that 护理型 institutions (nursing beds at least the share set
        // as NURSING_INSTITUTION_SHARE) are counted in the same pass; the nursing-bed share counts only institutions
        // (养老机构): day-care centres and 幸福院 are neither in its numerator nor in its denominator
        jdbc.sql("""
                        SELECT i.community_code, count(*), count(*) FILTER (WHERE b.nursing), i.kind IN %s, i.kind
                        FROM institution i JOIN bed b ON b.institution_id = i.id
                        WHERE i.community_code LIKE :scope AND i.status = 'OPERATING'
                          AND (i.opened_on IS NULL OR i.opened_on <= CAST(:day AS date))
                          AND b.created_at < CAST(:day AS date) + 1
                        GROUP BY i.id
                        """.formatted(RESIDENTIAL_KINDS))
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    long beds = rs.getLong(2);
                    long nursing = rs.getLong(3);
                    figures.beds += beds;
                    figures.nursingBeds += nursing;
                    figures.bedsByKind.merge(rs.getString(5), new long[] {beds, nursing},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                    if (rs.getBoolean(4)) {
                        figures.institutionBeds += beds;
                        figures.institutionNursingBeds += nursing;
                        BigDecimal share = (BigDecimal) params.get("nursingShare");
                        if (beds > 0 && BigDecimal.valueOf(nursing).compareTo(share.multiply(BigDecimal.valueOf(beds))) >= 0) {
                            figures.nursingInstitutions++;
                        }
                    }
                }));
        // occupied beds on their own: joined to every bed above, the day's stays cost a hash of 37,000 beds (95 ms)
        jdbc.sql("""
                        SELECT i.community_code, count(DISTINCT s.bed_id)
                        FROM institution i JOIN stay s ON s.institution_id = i.id
                        WHERE i.community_code LIKE :scope AND i.status = 'OPERATING'
                          AND (i.opened_on IS NULL OR i.opened_on <= CAST(:day AS date))
                          AND %s
                        GROUP BY 1
                        """.formatted(STAY_ON_DAY))
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.occupiedBeds = rs.getLong(2);
                }));
        // 特困 elders in concentrated care: counted where the elder lives (household community), not where the home is
        jdbc.sql("""
                        SELECT e.community_code, count(DISTINCT e.id)
                        FROM stay s JOIN elder e ON e.id = s.elder_id
                        WHERE e.community_code LIKE :scope AND e.economic_status = 'EXTREME_POVERTY'
                          AND (e.life_status = 'ACTIVE' OR e.life_status_date > CAST(:day AS date))
                          AND %s
                        GROUP BY 1
                        """.formatted(STAY_ON_DAY))
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.extremePovertyInCare = rs.getLong(2);
                }));
    }

    private void countFacilities(Map<String, Figures> communities, Map<String, Object> params) {
        List<String> withDayCare = jdbc.sql("""
                        SELECT DISTINCT community_code FROM institution
                        WHERE community_code LIKE :scope AND kind = 'DAY_CARE_CENTRE' AND status = 'OPERATING'
                          AND (opened_on IS NULL OR opened_on <= CAST(:day AS date))
                        """)
                .params(params).query(String.class).list();
        for (String code : withDayCare) {
            Figures figures = communities.get(code);
            if (figures != null) {
                figures.withDayCare = 1;
                figures.urbanWithDayCare = figures.urbanCommunities;
                figures.ruralWithDayCare = figures.ruralCommunities;
            }
        }
        // seed 001's 养老服务设施和站点: any institution operating in the community (homes, 幸福院, day-care centres)
        List<String> withFacility = jdbc.sql("""
                        SELECT DISTINCT community_code FROM institution
                        WHERE community_code LIKE :scope AND status = 'OPERATING'
                          AND (opened_on IS NULL OR opened_on <= CAST(:day AS date))
                        """)
                .params(params).query(String.class).list();
        for (String code : withFacility) {
            Figures figures = communities.get(code);
            if (figures != null) {
                figures.withFacility = 1;
                figures.ruralWithFacility = figures.ruralCommunities;
            }
        }
        List<String> withMealPoint = jdbc.sql("""
                        SELECT p.community_code FROM meal_point p
                        WHERE p.community_code LIKE :scope AND p.status = 'OPERATING'
                          AND (p.opened_on IS NULL OR p.opened_on <= CAST(:day AS date))
                        UNION
                        SELECT c.community_code FROM meal_point_community c JOIN meal_point p ON p.id = c.meal_point_id
                        WHERE c.community_code LIKE :scope AND p.status = 'OPERATING'
                          AND (p.opened_on IS NULL OR p.opened_on <= CAST(:day AS date))
                        """)
                .params(params).query(String.class).list();
        for (String code : withMealPoint) {
            Figures figures = communities.get(code);
            if (figures != null) {
                figures.withMealPoint = 1;
            }
        }
    }

    private void countCaregivers(Map<String, Figures> communities, Map<String, Object> params) {
        jdbc.sql("""
                        SELECT i.community_code, count(*),
                               count(*) FILTER (WHERE c.certificate_number IS NOT NULL
                                   AND (c.certificate_expires IS NULL OR c.certificate_expires >= CAST(:day AS date)))
                        FROM caregiver c JOIN institution i ON i.id = c.institution_id
                        WHERE i.community_code LIKE :scope AND c.active AND i.status = 'OPERATING'
                          AND c.created_at < CAST(:day AS date) + 1
                        GROUP BY 1
                        """)
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.caregivers = rs.getLong(2);
                    figures.certifiedCaregivers = rs.getLong(3);
                }));
    }

    /**
     * Entitlements in force on the day, by policy; those of government-purchased-service policies counted apart.
     * For today (the dashboard) from the tally of active entitlements kept by trigger (V26); for a past day (the
     * report) from their creation and stop times.
     */
    private void countEntitlements(Map<String, Figures> communities, Map<String, Object> params, boolean today) {
        String inForce = today
                ? "SELECT community_code, policy_code, entitlements FROM subsidy_entitlement_tally WHERE entitlements <> 0"
                : """
                SELECT community_code, policy_code, count(*) FROM subsidy_entitlement
                WHERE created_at < CAST(:day AS date) + 1 AND (status = 'ACTIVE' OR stopped_at >= CAST(:day AS date) + 1)
                GROUP BY 1, 2""";
        List<String> purchased = jdbc.sql("""
                        SELECT DISTINCT code FROM subsidy_policy
                        WHERE kind IN ('PURCHASED_SERVICE', 'HOME_CARE_SERVICE') OR delivery = 'SERVICE_BUDGET'
                        """)
                .query(String.class).list();
        jdbc.sql("SELECT * FROM (" + inForce + ") t WHERE t.community_code LIKE :scope")
                .params(params)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.entitlementsByPolicy.merge(rs.getString(2), rs.getLong(3), Long::sum);
                    if (purchased.contains(rs.getString(2))) {
                        figures.purchasedServiceEntitlements += rs.getLong(3);
                    }
                }));
    }

    /**
     * The day's month's batch, lines not failed: elder lines by policy (from the line tally) and organisation lines
     * by kind. A batch still being generated is not spending yet.
     */
    private void countSpending(Map<String, Figures> communities, Map<String, Object> params) {
        jdbc.sql("""
                        SELECT t.community_code, t.policy_code, sum(t.amount)
                        FROM payment_line_tally t JOIN payment_batch b ON b.id = t.batch_id
                        WHERE t.community_code LIKE :scope AND b.month = CAST(date_trunc('month', CAST(:day AS date)) AS date)
                          AND b.state NOT IN ('GENERATING', 'DISCARDED') AND t.status <> 'FAILED'
                        GROUP BY 1, 2
                        UNION ALL
                        SELECT l.community_code, l.kind, sum(l.amount)
                        FROM payment_payee_line l JOIN payment_batch b ON b.id = l.batch_id
                        WHERE l.community_code LIKE :scope AND b.month = CAST(date_trunc('month', CAST(:day AS date)) AS date)
                          AND b.state NOT IN ('GENERATING', 'DISCARDED') AND l.status <> 'FAILED'
                        GROUP BY 1, 2
                        """)
                .params(params)
                .query(rs -> {
                    Figures figures = communities.get(rs.getString(1));
                    BigDecimal amount = rs.getBigDecimal(3);
                    if (figures != null && amount != null && amount.signum() != 0) {
                        figures.spendingByPolicy.merge(rs.getString(2), amount, BigDecimal::add);
                    }
                });
    }

    /**
     * Home care of the day's month (issue 18, item 10): the month's budgets (home_care_budget_month_idx), the orders'
     * tallies by community and provider and the elders served (V34, kept by triggers on every order change: a
     * confirmed visit is on time when checked in within the missed-after minutes in force for its community on the
     * day of the visit), and the call-backs of the month's draws, grouped by community.
     */
    private void countHomeCare(Map<String, Figures> communities, Map<String, Object> params) {
        Map<String, Object> month = new LinkedHashMap<>(params);
        month.put("month", ((LocalDate) params.get("day")).withDayOfMonth(1));
        jdbc.sql("""
                        SELECT community_code, count(DISTINCT elder_id), sum(amount + carried_over)
                        FROM home_care_budget
                        WHERE month = :month AND community_code LIKE :scope
                        GROUP BY 1
                        """)
                .params(month)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.budgetElders = rs.getLong(2);
                    figures.budgetFen = fen(rs.getBigDecimal(3));
                }));
        jdbc.sql("""
                        SELECT community_code, sum(visits), sum(seconds), sum(on_time), sum(amount)
                        FROM home_care_order_tally
                        WHERE month = :month AND community_code LIKE :scope
                        GROUP BY 1
                        """)
                .params(month)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.visits = rs.getLong(2);
                    figures.serviceSeconds = Math.round(rs.getDouble(3));
                    figures.onTimeVisits = rs.getLong(4);
                    figures.budgetUsedFen = fen(rs.getBigDecimal(5));
                }));
        jdbc.sql("""
                        SELECT community_code, count(*) FROM home_care_elder_month
                        WHERE month = :month AND community_code LIKE :scope
                        GROUP BY 1
                        """)
                .params(month)
                .query(toCommunity(communities, (figures, rs) -> figures.purchasedServiceElders = rs.getLong(2)));
        // the month's call-backs from the month's draws: a few thousand rows, not a join over every order
        jdbc.sql("""
                        SELECT o.community_code, count(cb.outcome),
                               count(*) FILTER (WHERE cb.outcome = 'DELIVERED'),
                               count(*) FILTER (WHERE cb.outcome = 'COMPLAINT')
                        FROM home_care_callback_draw d
                        JOIN home_care_callback cb ON cb.draw_id = d.id
                        JOIN home_care_order o ON o.id = cb.order_id
                        WHERE d.month = :month AND o.community_code LIKE :scope
                        GROUP BY 1
                        """)
                .params(month)
                .query(toCommunity(communities, (figures, rs) -> {
                    figures.callbacks = rs.getLong(2);
                    figures.callbacksDelivered = rs.getLong(3);
                    figures.complaints = rs.getLong(4);
                }));
    }

    /**
     * The visit rate of the day's month (issue 19, item 7) from the tally of visit_month (V35: rostered and visited
     * by month, community and tier), and the elders on the roster not visited in three months (the day's month and
     * the two before). For today (the dashboard) these come from the open roster rows, two short ranges of
     * visit_roster_last_visit_idx per community: rostered before the first day of last month (so on the roster in
     * the month before it) and no counted visit since the first day of that month. For a past day (the report) from
     * visit_month: on the roster in each of the three months without a counted visit.
     */
    private void countVisits(Map<String, Figures> communities, Map<String, Object> params, ElderSource source) {
        LocalDate month = ((LocalDate) params.get("day")).withDayOfMonth(1);
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("month", month);
        p.put("first", month.minusMonths(2));
        p.put("second", month.minusMonths(1));
        jdbc.sql("""
                        SELECT community_code, tier, sum(rostered), sum(visited) FROM visit_rate_tally
                        WHERE month = :month AND community_code LIKE :scope
                        GROUP BY 1, 2
                        """)
                .params(p)
                .query(toCommunity(communities, (figures, rs) -> {
                    int tier = Figures.tier(rs.getString(2));
                    figures.rostered[tier] = rs.getLong(3);
                    figures.visited[tier] = rs.getLong(4);
                }));
        String unvisited = source == ElderSource.TALLIES ? """
                SELECT c.code,
                       (SELECT count(*) FROM visit_roster r
                        WHERE r.community_code = c.code AND r.left_on IS NULL AND r.last_visit_at IS NULL
                          AND r.rostered_on < :second)
                     + (SELECT count(*) FROM visit_roster r
                        WHERE r.community_code = c.code AND r.left_on IS NULL
                          AND r.last_visit_at < :since
                          AND r.rostered_on < :second)
                FROM region c WHERE c.level = 'COMMUNITY' AND c.code LIKE :scope
                """ : """
                SELECT community_code, count(*) FROM (
                    SELECT m.elder_id, (array_agg(m.community_code ORDER BY m.month DESC))[1] AS community_code
                    FROM visit_month m
                    WHERE m.month BETWEEN :first AND :month AND m.on_roster AND m.community_code LIKE :scope
                    GROUP BY m.elder_id
                    HAVING count(*) = 3 AND sum(m.counted_visits) = 0) x
                GROUP BY 1
                """;
        p.put("since", month.minusMonths(2).atStartOfDay(clock.getZone()).toOffsetDateTime());
        jdbc.sql(unvisited).params(p)
                .query(toCommunity(communities, (figures, rs) -> figures.unvisited3m = rs.getLong(2)));
    }

    /** One provider's home care of a month in a region. */
    public record ProviderFigures(long providerId, String name, long visits, long serviceSeconds, long onTime,
                                  BigDecimal amount, long callbacks, long delivered, long complaints) {

        public BigDecimal hours() {
            return BigDecimal.valueOf(serviceSeconds).divide(BigDecimal.valueOf(3600), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The month's home care per provider in the scope (orders of the scope's communities), busiest first. */
    List<ProviderFigures> byProvider(RegionScope scope, LocalDate day) {
        return jdbc.sql("""
                        WITH figures AS (
                            SELECT provider_id, sum(visits) AS visits, sum(seconds) AS seconds,
                                   sum(on_time) AS on_time, sum(amount) AS amount
                            FROM home_care_order_tally
                            WHERE community_code LIKE :scope AND month = :month AND provider_id <> 0
                            GROUP BY 1),
                        calls AS (
                            SELECT o.provider_id, count(cb.outcome) AS callbacks,
                                   count(*) FILTER (WHERE cb.outcome = 'DELIVERED') AS delivered,
                                   count(*) FILTER (WHERE cb.outcome = 'COMPLAINT') AS complaints
                            FROM home_care_callback_draw d
                            JOIN home_care_callback cb ON cb.draw_id = d.id
                            JOIN home_care_order o ON o.id = cb.order_id
                            WHERE d.month = :month AND o.community_code LIKE :scope
                            GROUP BY 1)
                        SELECT p.id, p.name, f.visits, f.seconds, f.on_time, f.amount, coalesce(c.callbacks, 0),
                               coalesce(c.delivered, 0), coalesce(c.complaints, 0)
                        FROM figures f JOIN home_care_provider p ON p.id = f.provider_id
                        LEFT JOIN calls c ON c.provider_id = f.provider_id
                        ORDER BY f.visits DESC, p.name, p.id
                        """)
                .param("scope", scope.likePattern()).param("month", day.withDayOfMonth(1))
                .query((rs, row) -> new ProviderFigures(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        Math.round(rs.getDouble(4)), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9)))
                .list();
    }

    private static long fen(BigDecimal yuan) {
        return yuan == null ? 0 : yuan.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** A handler for rows whose first column is a community code: each row goes to that community's figures. */
    private static RowCallbackHandler toCommunity(Map<String, Figures> communities, CommunityRow row) {
        return rs -> {
            Figures figures = communities.get(rs.getString(1));
            if (figures != null) {
                row.apply(figures, rs);
            }
        };
    }

    @FunctionalInterface
    private interface CommunityRow {
        void apply(Figures figures, ResultSet rs) throws SQLException;
    }

    private static int sex(String sex) {
        return "MALE".equals(sex) ? Figures.MALE : Figures.FEMALE;
    }

    /** The thresholds as a PostgreSQL array literal (a Java array would be expanded into a list of parameters). */
    private static String ages() {
        return Arrays.stream(Figures.AGES).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Spending per batch month and policy (or organisation line kind) in the scope, for the months given. */
    record MonthlySpending(LocalDate month, String policy, BigDecimal amount) {
    }

    List<MonthlySpending> spendingByMonth(RegionScope scope, LocalDate fromMonth, LocalDate toMonth) {
        return jdbc.sql("""
                        SELECT b.month, t.policy_code, sum(t.amount)
                        FROM payment_line_tally t JOIN payment_batch b ON b.id = t.batch_id
                        WHERE t.community_code LIKE :scope AND b.month BETWEEN :from AND :to
                          AND b.state NOT IN ('GENERATING', 'DISCARDED') AND t.status <> 'FAILED'
                        GROUP BY 1, 2
                        UNION ALL
                        SELECT b.month, l.kind, sum(l.amount)
                        FROM payment_payee_line l JOIN payment_batch b ON b.id = l.batch_id
                        WHERE l.community_code LIKE :scope AND b.month BETWEEN :from AND :to
                          AND b.state NOT IN ('GENERATING', 'DISCARDED') AND l.status <> 'FAILED'
                        GROUP BY 1, 2
                        ORDER BY 1, 2
                        """)
                .param("scope", scope.likePattern()).param("from", fromMonth).param("to", toMonth)
                .query((rs, row) -> new MonthlySpending(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Names of the policies (latest version) and of the organisation line kinds, for labels. */
    Map<String, String> policyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT ON (code) code, name FROM subsidy_policy ORDER BY code, version DESC")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
