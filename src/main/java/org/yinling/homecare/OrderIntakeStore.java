package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based writes of work orders that plans, ad hoc requests and events make: a month's orders generated from
 * the plans in force (one statement, idempotent through the unique index on plan, item, month and visit), an ad hoc
 * order, the open orders of an elder cancelled, the open orders of providers whose contracts ended sent back to
 * dispatch. Each writes its {@code home_care_order_event} rows in the same statement.
 */
@Repository
class OrderIntakeStore {

    /** Open orders: not yet checked in, so they can be cancelled or sent back. */
    static final String OPEN = "('PENDING_DISPATCH', 'DISPATCHED', 'ACCEPTED')";

    private final JdbcClient jdbc;

    OrderIntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The month's visits of the plans in force for the elders with a budget under {@code :region}: one row per plan
     * item and visit (1..times), on a day spread over the month at the preferred time (Asia/Shanghai), priced on the
     * day, with the running value of the elder's visits in day order and what the elder's other orders of the month
     * already use, so that the visits beyond the budget can be left out.
     */
    private static final String VISITS = """
            -- each elder's budget of the month, and what the elder's other orders of the month (ad hoc, or of a
            -- plan no longer in force) already use: looked up once per elder here, never joined to the visits (an
            -- aggregate joined to 400,000 visits was planned as a nested loop on a new month's empty statistics)
            WITH budgets AS MATERIALIZED (
                SELECT b.elder_id, min(b.id) AS budget_id, max(b.government_share) AS government_share,
                       sum(b.amount + b.carried_over) AS total,
                       (SELECT COALESCE(sum(o.amount), 0) FROM home_care_order o
                        WHERE o.elder_id = b.elder_id AND o.month = CAST(:month AS date)
                          AND o.state NOT IN ('CANCELLED', 'MISSED')
                          AND (o.plan_id IS NULL OR NOT EXISTS (
                              SELECT 1 FROM home_care_plan op
                              WHERE op.id = o.plan_id AND op.valid_from <= CAST(:month AS date)
                                AND (op.valid_to IS NULL OR op.valid_to >= CAST(:month AS date))))) AS other_used
                FROM home_care_budget b JOIN elder e ON e.id = b.elder_id
                WHERE b.month = CAST(:month AS date) AND b.community_code LIKE :region AND b.ended_on IS NULL
                  AND e.life_status = 'ACTIVE'
                GROUP BY b.elder_id
            ),
            visits AS (
                SELECT p.id AS plan_id, p.elder_id, p.community_code, p.provider_id, pi.item_id, g.seq,
                       bu.budget_id, bu.government_share, bu.total, bu.other_used, i.unit, i.standard_minutes,
                       CAST(:month AS date) + CAST(floor((g.seq - 1) * CAST(:days AS integer)
                                                          / CAST(pi.times_per_month AS numeric)) AS integer) AS day,
                       pi.preferred_time
                FROM home_care_plan p
                JOIN budgets bu ON bu.elder_id = p.elder_id
                JOIN home_care_plan_item pi ON pi.plan_id = p.id
                JOIN home_care_item i ON i.id = pi.item_id
                CROSS JOIN LATERAL generate_series(1, pi.times_per_month) AS g(seq)
                WHERE p.valid_from <= CAST(:month AS date)
                  AND (p.valid_to IS NULL OR p.valid_to >= CAST(:month AS date))
            ),
            -- the price rule once per item, community and day, not once per visit (MATERIALIZED: inlined, the planner
            -- pushed the price test down and ran the function 400,000 times for a city)
            prices AS MATERIALIZED (
                SELECT d.item_id, d.community_code, d.day,
                       home_care_price_on(d.item_id, d.community_code, d.day) AS unit_price
                FROM (SELECT DISTINCT item_id, community_code, day FROM visits) d
            ),
            priced AS (
                SELECT v.*, pr.unit_price,
                       CASE WHEN v.unit = 'HOUR' THEN round(v.standard_minutes / 60.0, 2) ELSE 1 END AS quantity
                FROM visits v
                JOIN prices pr ON pr.item_id = v.item_id AND pr.community_code = v.community_code AND pr.day = v.day
            ),
            valued AS (
                SELECT p.*, round(p.unit_price * p.quantity, 2) AS amount,
                       sum(round(p.unit_price * p.quantity, 2)) OVER (
                           PARTITION BY p.elder_id ORDER BY p.day, p.plan_id, p.item_id, p.seq) AS running
                FROM priced p
                WHERE p.unit_price IS NOT NULL
            ),
            wanted AS (
                SELECT v.*, (v.other_used + v.running <= v.total) AS within
                FROM valued v
                WHERE NOT EXISTS (SELECT 1 FROM home_care_order o
                                  WHERE o.plan_id = v.plan_id AND o.item_id = v.item_id
                                    AND o.month = CAST(:month AS date) AND o.plan_sequence = v.seq)
            )
            """;

    /** What generating the month would do now: orders to create, and visits left out as beyond the budget. */
    record Preview(long orders, long skipped, long elders) {
    }

    Preview preview(LocalDate month, String regionPattern) {
        return jdbc.sql(VISITS + """
                        SELECT count(*) FILTER (WHERE within) AS orders, count(*) FILTER (WHERE NOT within) AS skipped,
                               count(DISTINCT elder_id) FILTER (WHERE within) AS elders
                        FROM wanted
                        """)
                .param("month", month).param("days", month.lengthOfMonth()).param("region", regionPattern)
                .query((rs, n) -> new Preview(rs.getLong("orders"), rs.getLong("skipped"), rs.getLong("elders")))
                .single();
    }

    /** What a generation did. */
    record Generated(long created, long dispatched, long skipped) implements java.io.Serializable {

        public long pending() {
            return created - dispatched;
        }
    }

    /**
     * Generates the month's orders from the plans in force in one statement: each visit within the elder's budget
     * is an order, dispatched to the plan's provider when it still takes orders for the community on the day, else
     * pending dispatch; the unique index makes a second run create nothing. Its events (one per order: created,
     * straight into its first state) are written by the same statement. The sorts of a city's 400,000 visits get the
     * memory they need for this transaction only (with the default they spilled to disk).
     */
    Generated generate(LocalDate month, String regionPattern, String actor) {
        jdbc.sql("SET LOCAL work_mem = '128MB'").update();
        return jdbc.sql(VISITS + """
                        -- whether the plan's provider takes orders, once per provider, community and day
                        -- (MATERIALIZED: inlined, the test ran twice per order)
                        , takers AS MATERIALIZED (
                            SELECT d.provider_id, d.community_code, d.day,
                                   EXISTS (SELECT 1 FROM home_care_provider pr WHERE pr.id = d.provider_id AND %s) AS ok
                            FROM (SELECT DISTINCT provider_id, community_code, day FROM wanted WHERE within) d
                        ),
                        inserted AS (
                            INSERT INTO home_care_order (elder_id, community_code, month, budget_id, plan_id,
                                                         plan_sequence, item_id, provider_id, scheduled_at, state,
                                                         unit_price, quantity, amount, government_share, created_by)
                            SELECT w.elder_id, w.community_code, CAST(:month AS date), w.budget_id, w.plan_id, w.seq,
                                   w.item_id, CASE WHEN t.ok THEN w.provider_id END,
                                   (w.day + w.preferred_time) AT TIME ZONE 'Asia/Shanghai',
                                   CASE WHEN t.ok THEN 'DISPATCHED' ELSE 'PENDING_DISPATCH' END,
                                   w.unit_price, w.quantity, w.amount, w.government_share, :actor
                            FROM wanted w
                            JOIN takers t ON t.provider_id = w.provider_id AND t.community_code = w.community_code
                                         AND t.day = w.day
                            WHERE w.within
                            ORDER BY w.elder_id, w.day, w.plan_id, w.item_id, w.seq
                            ON CONFLICT DO NOTHING
                            RETURNING id, state, provider_id
                        ),
                        events AS (
                            INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id,
                                                               by_user)
                            SELECT id, 'CREATED', NULL, state, provider_id, :actor FROM inserted
                            RETURNING 1
                        )
                        SELECT (SELECT count(*) FROM inserted) AS created,
                               (SELECT count(*) FROM inserted WHERE state = 'DISPATCHED') AS dispatched,
                               (SELECT count(*) FROM wanted WHERE NOT within) AS skipped,
                               (SELECT count(*) FROM events) AS events
                        """.formatted(ProviderContracts.takesOrders("pr", "d.community_code", "d.day")))
                .param("month", month).param("days", month.lengthOfMonth()).param("region", regionPattern)
                .param("actor", actor)
                .query((rs, n) -> new Generated(rs.getLong("created"), rs.getLong("dispatched"),
                        rs.getLong("skipped")))
                .single();
    }

    /**
     * An ad hoc order (e.g. 助急) at the price in force on its day: dispatched to the provider when one is given,
     * else pending dispatch; with its events. The new order's id.
     */
    long adHoc(long elderId, String community, LocalDate month, long budgetId, BigDecimal governmentShare,
               long itemId, Long providerId, LocalDateTime at, BigDecimal unitPrice, BigDecimal quantity,
               BigDecimal amount, String notes, String actor) {
        return jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO home_care_order (elder_id, community_code, month, budget_id, item_id, provider_id,
                                                         scheduled_at, state, unit_price, quantity, amount,
                                                         government_share, ad_hoc, service_notes, created_by)
                            VALUES (:elder, :community, :month, :budget, :item, :provider,
                                    CAST(:at AS timestamp) AT TIME ZONE 'Asia/Shanghai',
                                    CASE WHEN CAST(:provider AS bigint) IS NULL THEN 'PENDING_DISPATCH' ELSE 'DISPATCHED' END,
                                    :price, :quantity, :amount, :share, TRUE, :notes, :actor)
                            RETURNING id, state, provider_id
                        ),
                        events AS (
                            INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id,
                                                               reason, by_user)
                            SELECT id, 'CREATED', NULL, state, provider_id, 'AD_HOC', :actor FROM inserted
                        )
                        SELECT id FROM inserted
                        """)
                .param("elder", elderId).param("community", community).param("month", month)
                .param("budget", budgetId).param("item", itemId).param("provider", providerId)
                .param("at", at).param("price", unitPrice).param("quantity", quantity).param("amount", amount)
                .param("share", governmentShare).param("notes", notes).param("actor", actor)
                .query(Long.class).single();
    }

    /** An order cancelled ({@code orderId}) of the elder {@code elderId}. */
    record OfElder(long orderId, long elderId) {
    }

    /** Cancels the elders' open orders with the reason, one event row each; in order id order. */
    List<OfElder> cancelOpen(Long[] elderIds, String reason, String actor) {
        return jdbc.sql("""
                        WITH cancelled AS (
                            UPDATE home_care_order o SET state = 'CANCELLED', close_reason = :reason, closed_at = now(),
                                                         lock_version = o.lock_version + 1
                            FROM (SELECT id, state FROM home_care_order
                                  WHERE elder_id = ANY(CAST(:elders AS bigint[])) AND state IN %s
                                  ORDER BY id FOR UPDATE) old
                            WHERE o.id = old.id AND o.state = old.state
                            RETURNING o.id, o.elder_id, old.state AS from_state, o.provider_id, o.worker_id
                        ),
                        events AS (
                            INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id,
                                                               worker_id, reason, by_user)
                            SELECT id, 'CANCELLED', from_state, 'CANCELLED', provider_id, worker_id, :reason, :actor
                            FROM cancelled ORDER BY id
                        )
                        SELECT id, elder_id FROM cancelled ORDER BY id
                        """.formatted(OPEN))
                .param("elders", elderIds).param("reason", reason)
                .param("actor", actor)
                .query((rs, n) -> new OfElder(rs.getLong("id"), rs.getLong("elder_id"))).list();
    }
    /** A provider's orders sent back to dispatch, for the audit record. */
    record Returned(long orderId, long providerId) {
    }

    /**
     * Sends the open orders of the providers whose contract no longer covers their day back to dispatch (provider
     * and worker cleared, event RETURNED); from {@code today} on, as orders of the past are the missed-visit list's.
     */
    List<Returned> returnExpired(LocalDate today, String reason, String actor) {
        return jdbc.sql("""
                        WITH returned AS (
                            UPDATE home_care_order o SET state = 'PENDING_DISPATCH', provider_id = NULL, worker_id = NULL,
                                                         lock_version = o.lock_version + 1
                            FROM (SELECT ho.id, ho.state, ho.provider_id, ho.worker_id FROM home_care_order ho
                                  JOIN home_care_provider pr ON pr.id = ho.provider_id
                                  WHERE ho.state IN ('DISPATCHED', 'ACCEPTED')
                                    AND ho.scheduled_at >= CAST(:today AS date) AT TIME ZONE 'Asia/Shanghai'
                                    AND pr.contract_to < (ho.scheduled_at AT TIME ZONE 'Asia/Shanghai')::date
                                    AND pr.contract_to < CAST(:today AS date)
                                  ORDER BY ho.id FOR UPDATE OF ho) old
                            WHERE o.id = old.id AND o.state = old.state
                            RETURNING o.id, old.state AS from_state, old.provider_id, old.worker_id
                        ),
                        events AS (
                            INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id,
                                                               worker_id, reason, by_user)
                            SELECT id, 'RETURNED', from_state, 'PENDING_DISPATCH', provider_id, worker_id, :reason, :actor
                            FROM returned
                        )
                        SELECT id, provider_id FROM returned ORDER BY id
                        """)
                .param("today", today).param("reason", reason).param("actor", actor)
                .query((rs, n) -> new Returned(rs.getLong("id"), rs.getLong("provider_id"))).list();
    }
}
