package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.elder.ResidentId;

/**
 * Service plans ({@code home_care_plan} + items) and what the plan pages read with them: the elders of a region with
 * a budget this month, the providers that take orders for a community, the catalogue's items and their prices in
 * force. Every query is limited by the user's {@link HomeCareScope}.
 */
@Repository
class PlanStore {

    /** The quantity of one visit of an item (alias): 1 for a visit, the standard minutes in hours for an hour. */
    static String quantity(String item) {
        return "(CASE WHEN %1$s.unit = 'HOUR' THEN round(%1$s.standard_minutes / 60.0, 2) ELSE 1 END)".formatted(item);
    }

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the plans list: an elder with a budget this month. */
    record Row(long elderId, String name, String residentId, String communityCode, BigDecimal budget,
               BigDecimal planned, BigDecimal used, Long planId, String providerName) {

        public BigDecimal left() {
            return budget.subtract(used).max(BigDecimal.ZERO);
        }

        public String maskedResidentId() {
            return ResidentId.mask(residentId);
        }
    }

    /**
     * The elders with a budget this month under {@code regionPattern} (the scope narrowed by the street and community
     * filters), by community and name, with the value of their plan in force on {@code day}, what is used and their
     * provider; {@code q} a part of the name or the start of the resident ID.
     */
    Page<Row> list(HomeCareScope scope, String regionPattern, LocalDate month, LocalDate day, String q,
                   Pageable page) {
        if (scope.isProvider()) {
            return Page.empty(page);
        }
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("region", regionPattern);
        params.put("month", month);
        params.put("day", day);
        String search = "";
        if (q != null && !q.isBlank()) {
            search = " AND (e.name LIKE :q OR e.resident_id LIKE :idStart)";
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("idStart", q.strip().toUpperCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        String budgets = """
                SELECT b.elder_id, min(b.community_code) AS community_code, sum(b.amount + b.carried_over) AS budget
                FROM home_care_budget b
                WHERE b.month = :month AND b.community_code LIKE :region AND %s
                GROUP BY b.elder_id
                """.formatted(scope.orderCondition("b"));
        long total = jdbc.sql("SELECT count(*) FROM (" + budgets + ") bu JOIN elder e ON e.id = bu.elder_id WHERE TRUE"
                        + search)
                .params(params).query(Long.class).single();
        params.put("limit", page.getPageSize());
        params.put("offset", page.getOffset());
        List<Row> rows = jdbc.sql("""
                        SELECT e.id, e.name, e.resident_id, bu.community_code, bu.budget,
                               COALESCE((SELECT sum(o.amount) FROM home_care_order o
                                         WHERE o.elder_id = e.id AND o.month = :month AND o.%s), 0) AS used,
                               p.id AS plan_id, pr.name AS provider_name,
                               (SELECT sum(pi.times_per_month
                                           * round(home_care_price_on(pi.item_id, p.community_code, :day) * %s, 2))
                                FROM home_care_plan_item pi JOIN home_care_item i ON i.id = pi.item_id
                                WHERE pi.plan_id = p.id) AS planned
                        FROM (%s) bu
                        JOIN elder e ON e.id = bu.elder_id
                        LEFT JOIN LATERAL (
                            SELECT * FROM home_care_plan hp
                            WHERE hp.elder_id = e.id AND hp.valid_from <= :month
                              AND (hp.valid_to IS NULL OR hp.valid_to >= :month)
                            ORDER BY hp.valid_from DESC LIMIT 1
                        ) p ON TRUE
                        LEFT JOIN home_care_provider pr ON pr.id = p.provider_id
                        WHERE TRUE %s
                        ORDER BY bu.community_code, e.name, e.id
                        LIMIT :limit OFFSET :offset
                        """.formatted(BudgetStore.COUNTED, quantity("i"), budgets, search))
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("resident_id"),
                        rs.getString("community_code"), rs.getBigDecimal("budget"), rs.getBigDecimal("planned"),
                        rs.getBigDecimal("used"), (Long) rs.getObject("plan_id", Long.class),
                        rs.getString("provider_name")))
                .list();
        return new PageImpl<>(rows, page, total);
    }

    /** The elder as the plan page shows them, when inside the scope. */
    record Elder(long id, String name, String residentId, String communityCode, String address, String lifeStatus) {

        public String maskedResidentId() {
            return ResidentId.mask(residentId);
        }

        public boolean active() {
            return "ACTIVE".equals(lifeStatus);
        }
    }

    Optional<Elder> elder(long elderId, HomeCareScope scope) {
        if (scope.isProvider()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT e.id, e.name, e.resident_id, e.community_code, e.address, e.life_status FROM elder e
                        WHERE e.id = :elder AND e.community_code LIKE :scopeRegion
                        """)
                .param("elder", elderId).params(scope.parameters())
                .query((rs, n) -> new Elder(rs.getLong("id"), rs.getString("name"), rs.getString("resident_id"),
                        rs.getString("community_code"), rs.getString("address"), rs.getString("life_status")))
                .optional();
    }

    /** A plan with its items (each priced on {@code day}). */
    record Plan(long id, long elderId, String communityCode, long providerId, String providerName,
                LocalDate validFrom, LocalDate validTo, String notes, LocalDateTime createdAt, String createdBy,
                List<PlanItem> items) {

        public BigDecimal monthlyValue() {
            return items.stream().map(PlanItem::monthlyValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean open() {
            return validTo == null;
        }
    }

    /** One item of a plan: times a month at a preferred time, and its value a month at the price in force. */
    record PlanItem(long itemId, String code, String name, String unit, int timesPerMonth, LocalTime preferredTime,
                    BigDecimal unitPrice, BigDecimal quantity) {

        public BigDecimal visitValue() {
            return unitPrice == null ? BigDecimal.ZERO : unitPrice.multiply(quantity)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal monthlyValue() {
            return visitValue().multiply(BigDecimal.valueOf(timesPerMonth));
        }
    }

    /** The plan if its elder is inside the scope. */
    Optional<Plan> plan(long planId, HomeCareScope scope, LocalDate day) {
        return plans("p.id = :plan", Map.of("plan", planId), scope, day).stream().findFirst();
    }

    /** The elder's plan in force in a month (the latest starting by then), if any. */
    Optional<Plan> planInForce(long elderId, LocalDate month, HomeCareScope scope, LocalDate day) {
        return plans("p.elder_id = :elder AND p.valid_from <= :month AND (p.valid_to IS NULL OR p.valid_to >= :month)",
                Map.of("elder", elderId, "month", month), scope, day).stream().findFirst();
    }

    /** Every plan of the elder, newest first. */
    List<Plan> plansOf(long elderId, HomeCareScope scope, LocalDate day) {
        return plans("p.elder_id = :elder", Map.of("elder", elderId), scope, day);
    }

    private List<Plan> plans(String condition, Map<String, Object> given, HomeCareScope scope, LocalDate day) {
        if (scope.isProvider()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.putAll(given);
        List<Plan> plans = jdbc.sql("""
                        SELECT p.*, pr.name AS provider_name,
                               p.created_at AT TIME ZONE 'Asia/Shanghai' AS created_local
                        FROM home_care_plan p
                        JOIN home_care_provider pr ON pr.id = p.provider_id
                        WHERE %s AND p.community_code LIKE :scopeRegion
                        ORDER BY p.valid_from DESC, p.id DESC
                        """.formatted(condition))
                .params(params)
                .query((rs, n) -> new Plan(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("community_code"),
                        rs.getLong("provider_id"), rs.getString("provider_name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("notes"), rs.getObject("created_local", LocalDateTime.class), rs.getString("created_by"),
                        List.of()))
                .list();
        return plans.stream().map(plan -> new Plan(plan.id(), plan.elderId(), plan.communityCode(), plan.providerId(),
                plan.providerName(), plan.validFrom(), plan.validTo(), plan.notes(), plan.createdAt(),
                plan.createdBy(), items(plan.id(), plan.communityCode(), day))).toList();
    }

    private List<PlanItem> items(long planId, String community, LocalDate day) {
        return jdbc.sql("""
                        SELECT i.id, i.code, i.name, i.unit, pi.times_per_month, pi.preferred_time,
                               home_care_price_on(i.id, :community, :day) AS unit_price, %s AS quantity
                        FROM home_care_plan_item pi JOIN home_care_item i ON i.id = pi.item_id
                        WHERE pi.plan_id = :plan ORDER BY i.code
                        """.formatted(quantity("i")))
                .param("plan", planId).param("community", community).param("day", day)
                .query((rs, n) -> new PlanItem(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("unit"), rs.getInt("times_per_month"),
                        rs.getObject("preferred_time", LocalTime.class), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("quantity")))
                .list();
    }

    /** A provider that can be chosen for a community. */
    record Provider(long id, String name) {
    }

    /** The providers that take orders for the community on the day (serving it, contract in force, active). */
    List<Provider> providersFor(String community, LocalDate day) {
        return jdbc.sql("""
                        SELECT pr.id, pr.name FROM home_care_provider pr WHERE %s ORDER BY pr.name, pr.id
                        """.formatted(ProviderContracts.takesOrders("pr", ":community", ":takesDay")))
                .param("community", community).param("takesDay", day)
                .query((rs, n) -> new Provider(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** Whether the provider takes orders for the community on the day. */
    boolean takesOrders(long providerId, String community, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM home_care_provider pr WHERE pr.id = :provider AND "
                        + ProviderContracts.takesOrders("pr", ":community", ":takesDay"))
                .param("provider", providerId).param("community", community).param("takesDay", day)
                .query(Integer.class).single() == 1;
    }

    /** An item of the catalogue with its price for a community on a day (null when none is in force). */
    record Item(long id, String code, String name, String category, String unit, int standardMinutes,
                BigDecimal unitPrice, BigDecimal quantity) {

        public BigDecimal visitValue() {
            return unitPrice == null ? null : unitPrice.multiply(quantity).setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The active items of the catalogue, priced for the community on the day. */
    List<Item> items(String community, LocalDate day) {
        return jdbc.sql("""
                        SELECT i.id, i.code, i.name, i.category, i.unit, i.standard_minutes,
                               home_care_price_on(i.id, :community, :day) AS unit_price, %s AS quantity
                        FROM home_care_item i WHERE i.active ORDER BY i.category, i.code
                        """.formatted(quantity("i")))
                .param("community", community).param("day", day)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("category"), rs.getString("unit"), rs.getInt("standard_minutes"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("quantity")))
                .list();
    }

    /** The latest month of the plan's orders, or null when it has none. */
    LocalDate lastOrderMonth(long planId) {
        return jdbc.sql("SELECT max(month) FROM home_care_order WHERE plan_id = :plan")
                .param("plan", planId).query(LocalDate.class).optional().orElse(null);
    }

    long insert(long elderId, String community, long providerId, LocalDate validFrom, String notes, String actor) {
        return jdbc.sql("""
                        INSERT INTO home_care_plan (elder_id, community_code, provider_id, valid_from, notes, created_by,
                                                    updated_by)
                        VALUES (:elder, :community, :provider, :from, :notes, :actor, :actor)
                        RETURNING id
                        """)
                .param("elder", elderId).param("community", community).param("provider", providerId)
                .param("from", validFrom).param("notes", notes).param("actor", actor)
                .query(Long.class).single();
    }

    void insertItem(long planId, long itemId, int times, LocalTime preferredTime) {
        jdbc.sql("""
                        INSERT INTO home_care_plan_item (plan_id, item_id, times_per_month, preferred_time)
                        VALUES (:plan, :item, :times, :time)
                        """)
                .param("plan", planId).param("item", itemId).param("times", times).param("time", preferredTime)
                .update();
    }

    /** Closes an open plan with its last month; false when it changed in between (closed already). */
    boolean close(long planId, LocalDate lastMonth, String actor) {
        return jdbc.sql("""
                        UPDATE home_care_plan SET valid_to = :last, updated_at = now(), updated_by = :actor,
                                                  lock_version = lock_version + 1
                        WHERE id = :plan AND (valid_to IS NULL OR valid_to > :last) AND valid_from <= :last
                        """)
                .param("plan", planId).param("last", lastMonth).param("actor", actor).update() == 1;
    }

    /** Removes a plan that never applied (no order refers to it); false when it has orders. */
    boolean delete(long planId) {
        return jdbc.sql("""
                        DELETE FROM home_care_plan p WHERE p.id = :plan
                          AND NOT EXISTS (SELECT 1 FROM home_care_order o WHERE o.plan_id = p.id)
                        """)
                .param("plan", planId).update() == 1;
    }

    /** An order of the elder's month, for the plan page and the elder card. */
    record Order(long id, LocalDateTime scheduledAt, String itemName, String providerName, String state,
                 BigDecimal amount, boolean adHoc) {
    }

    List<Order> orders(long elderId, LocalDate month) {
        return jdbc.sql("""
                        SELECT o.id, o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS scheduled_local, i.name AS item_name, pr.name AS provider_name, o.state, o.amount,
                               o.ad_hoc
                        FROM home_care_order o JOIN home_care_item i ON i.id = o.item_id
                        LEFT JOIN home_care_provider pr ON pr.id = o.provider_id
                        WHERE o.elder_id = :elder AND o.month = :month
                        ORDER BY o.scheduled_at, o.id
                        """)
                .param("elder", elderId).param("month", month)
                .query((rs, n) -> new Order(rs.getLong("id"), rs.getObject("scheduled_local", LocalDateTime.class),
                        rs.getString("item_name"), rs.getString("provider_name"), rs.getString("state"),
                        rs.getBigDecimal("amount"), rs.getBoolean("ad_hoc")))
                .list();
    }

    /**
     * Ends the elders' plans with the month of their event (a death, a move-out; {@code days} the ISO dates, one per
     * elder): plans that would start later and have no orders are removed, the others end with that month (or their
     * first month). Returns the elder of each plan changed.
     */
    List<Long> endPlans(Long[] elderIds, String[] days, String actor) {
        List<Long> removed = new java.util.ArrayList<>(jdbc.sql("""
                        DELETE FROM home_care_plan p
                        USING unnest(CAST(:elders AS bigint[]), CAST(:days AS date[])) AS d(elder_id, day)
                        WHERE p.elder_id = d.elder_id AND p.valid_from > date_trunc('month', d.day)
                          AND NOT EXISTS (SELECT 1 FROM home_care_order o WHERE o.plan_id = p.id)
                        RETURNING p.elder_id
                        """)
                .param("elders", elderIds).param("days", days).query(Long.class).list());
        removed.addAll(jdbc.sql("""
                        UPDATE home_care_plan p
                        SET valid_to = GREATEST(p.valid_from, CAST(date_trunc('month', d.day) AS date)), updated_at = now(),
                            updated_by = :actor, lock_version = p.lock_version + 1
                        FROM unnest(CAST(:elders AS bigint[]), CAST(:days AS date[])) AS d(elder_id, day)
                        WHERE p.elder_id = d.elder_id
                          AND (p.valid_to IS NULL OR p.valid_to > CAST(date_trunc('month', d.day) AS date))
                        RETURNING p.elder_id
                        """)
                .param("elders", elderIds).param("days", days).param("actor", actor).query(Long.class).list());
        return removed;
    }

    /** Whether the provider serves the community at all (whatever its contract). */
    boolean serves(long providerId, String community) {
        return jdbc.sql("""
                        SELECT count(*) FROM home_care_provider_community
                        WHERE provider_id = :provider AND community_code = :community
                        """)
                .param("provider", providerId).param("community", community).query(Integer.class).single() == 1;
    }
}
