package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo home care in use, after the demo providers and accounts ({@link DemoHomeCare}): up to five elders 65+ of
 * each community the demo providers serve, those who meet seed 004's rule (living alone, income per person under
 * 490) first, hold the demo service policy (JUJIA) from last month, with a budget for last month and this month, a plan with the
 * provider serving their community, and that plan's orders: last month's mostly confirmed, some called back (one
 * complaint), one flagged as too short, one missed, one cancelled; this month's confirmed up to yesterday, today's
 * accepted by the provider's first care worker ({@code worker} has at least three), later ones dispatched and the
 * last two still to dispatch. Every transition is in the event log; homes lie in Gongshu (杭州拱墅, about 30.32 N,
 * 120.15 E); check-in and check-out times follow the items' standard minutes. Set-based SQL throughout, so it takes
 * well under a second. Nothing is added when demo orders exist, or without the demo providers.
 */
@Component
@Order(DemoHomeCareOrders.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoHomeCareOrders implements ApplicationRunner {

    static final int ORDER = 65;
    static final String ACTOR = "demo";
    /** Seed 004's policy, the demo's service budget (160 yuan a month). */
    static final String POLICY = "JUJIA";
    static final int ELDERS_PER_COMMUNITY = 5;
    private static final Logger log = LoggerFactory.getLogger(DemoHomeCareOrders.class);

    private final JdbcClient jdbc;
    private final OrderStore orderStore;
    private final Clock clock;

    DemoHomeCareOrders(JdbcClient jdbc, OrderStore orderStore, Clock clock) {
        this.jdbc = jdbc;
        this.orderStore = orderStore;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM home_care_provider WHERE demo").query(Integer.class).single() == 0
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM home_care_order WHERE created_by = 'demo')")
                .query(Boolean.class).single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        Map<String, Object> params = Map.of("today", today, "month", month, "last", month.minusMonths(1),
                "actor", ACTOR, "policy", POLICY, "perCommunity", ELDERS_PER_COMMUNITY, "district", DemoHomeCare.DISTRICT);
        catalogue(params);
        int entitled = entitlements(params);
        int budgets = jdbc.sql("""
                        INSERT INTO home_care_budget (elder_id, month, entitlement_id, community_code, amount,
                                                      government_share)
                        SELECT t.elder_id, m.month, t.id, t.community_code, t.amount, coalesce(p.government_share, 1.00)
                        FROM subsidy_entitlement t
                        JOIN subsidy_policy p ON p.id = t.policy_id
                        CROSS JOIN (VALUES (CAST(:last AS date)), (CAST(:month AS date))) m (month)
                        WHERE t.status = 'ACTIVE' AND t.start_month <= m.month
                          AND (p.delivery = 'SERVICE_BUDGET' OR p.code = :policy)
                          AND t.community_code IN (SELECT pc.community_code FROM home_care_provider_community pc
                                                   JOIN home_care_provider v ON v.id = pc.provider_id WHERE v.demo)
                        ON CONFLICT DO NOTHING
                        """).params(params).update();
        locations();
        int plans = plans(params);
        int orders = orders(params);
        callbacks(params);
        events();
        // closed demo orders carry the digest a confirmation would have given them
        orderStore.sealClosedWithoutDigest();
        log.info("Demo home-care orders: {} entitlements, {} budgets, {} plans, {} orders", entitled, budgets, plans,
                orders);
    }

    /** Ten demo items priced for the district, unless demo items exist (the catalogue's own demo makes them). */
    private void catalogue(Map<String, Object> params) {
        jdbc.sql("""
                        WITH item (code, name, category, unit, minutes, price) AS (VALUES
                            ('HC-MEAL', '助餐送餐', 'MEAL', 'VISIT', 30, 15.00),
                            ('HC-BATH', '上门助浴', 'BATH', 'VISIT', 60, 60.00),
                            ('HC-CLEAN', '居室清洁', 'CLEANING', 'HOUR', 60, 40.00),
                            ('HC-WALK', '陪同出行', 'MOBILITY', 'HOUR', 60, 35.00),
                            ('HC-SOS', '紧急援助', 'EMERGENCY', 'VISIT', 30, 30.00),
                            ('HC-DOCTOR', '陪同就医', 'MEDICAL', 'VISIT', 120, 60.00),
                            ('HC-REHAB', '康复护理', 'REHABILITATION', 'VISIT', 45, 50.00),
                            ('HC-CHAT', '精神慰藉', 'COMPANIONSHIP', 'VISIT', 60, 30.00),
                            ('HC-HOUSE', '家政服务', 'HOUSEKEEPING', 'HOUR', 60, 35.00),
                            ('HC-HAIR', '理发修甲', 'CLEANING', 'VISIT', 30, 20.00)),
                        added AS (
                            INSERT INTO home_care_item (code, name, category, unit, standard_minutes, demo, updated_by)
                            SELECT code, name, category, unit, minutes, TRUE, :actor FROM item
                            WHERE NOT EXISTS (SELECT 1 FROM home_care_item WHERE demo)
                            ON CONFLICT (code) DO NOTHING
                            RETURNING id, code)
                        INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                        SELECT a.id, :district, DATE '2024-01-01', i.price, :actor FROM added a JOIN item i ON i.code = a.code
                        """).params(params).update();
    }

    /**
     * Approved applications and active entitlements of the demo service policy, from last month, for the first
     * elders of each served community who meet its rule; none when such entitlements exist already.
     */
    private int entitlements(Map<String, Object> params) {
        return jdbc.sql("""
                        WITH policy AS (
                            SELECT id, code FROM subsidy_policy
                            WHERE code = :policy AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1),
                        served AS (
                            SELECT DISTINCT pc.community_code FROM home_care_provider_community pc
                            JOIN home_care_provider v ON v.id = pc.provider_id WHERE v.demo),
                        chosen AS (
                            -- those who meet the rule first; the demo's served communities are small (about twenty
                            -- elders), so the nearest to it (living alone, then the lowest income) fill the places
                            SELECT e.id, e.community_code,
                                   row_number() OVER (PARTITION BY e.community_code
                                                      ORDER BY (e.living_arrangement = 'ALONE' AND e.income_per_person < 490) DESC,
                                                               e.living_arrangement = 'ALONE' DESC,
                                                               e.income_per_person ASC NULLS LAST, e.id) AS k
                            FROM elder e JOIN served s ON s.community_code = e.community_code
                            WHERE e.created_by = 'demo' AND e.life_status = 'ACTIVE'
                              AND e.birth_date <= CAST(:today AS date) - INTERVAL '65 years'),
                        apps AS (
                            INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                                tier_index, amount, received_on, approved_on, closed_at, notes, created_by, updated_by)
                            SELECT c.id, p.id, p.code, c.community_code, 'APPROVED', 'COMMUNITY', 0, 160,
                                   CAST(:last AS date) - 25, CAST(:last AS date) - 5, CAST(:last AS date) - 5,
                                   '居家上门服务演示', :actor, :actor
                            FROM chosen c CROSS JOIN policy p
                            WHERE c.k <= :perCommunity
                              AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement x
                                              WHERE x.policy_code = p.code AND x.community_code IN (SELECT community_code FROM served))
                              AND NOT EXISTS (SELECT 1 FROM subsidy_application x
                                              WHERE x.elder_id = c.id AND x.policy_code = p.code
                                                AND x.stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY'))
                            RETURNING id, elder_id, policy_id, policy_code, community_code)
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        SELECT elder_id, policy_id, policy_code, id, community_code, 0, 160, 'MONTHLY', CAST(:last AS date),
                               'ACTIVE', :actor
                        FROM apps
                        """).params(params).update();
    }

    /** The homes of the elders with a budget, a few hundred metres around their community (拱墅区). */
    private void locations() {
        jdbc.sql("""
                        INSERT INTO home_care_elder_location (elder_id, latitude, longitude, source, set_by)
                        SELECT DISTINCT ON (b.elder_id) b.elder_id,
                               30.3150 + 0.0040 * right(b.community_code, 1)::int + (b.elder_id % 37) * 0.0001,
                               120.1450 + 0.0030 * substr(b.community_code, 9, 1)::int + (b.elder_id % 41) * 0.0001,
                               'COMMUNITY', 'demo'
                        FROM home_care_budget b JOIN elder e ON e.id = b.elder_id
                        WHERE e.created_by = 'demo'
                        ON CONFLICT (elder_id) DO NOTHING
                        """).update();
    }

    /**
     * A plan from last month with the demo provider serving the community: companionship and a health check at home
     * (the demo catalogue's 30 and 20 yuan items), twice a month each, within the 160-yuan budget, at an hour of the
     * elder's own.
     */
    private int plans(Map<String, Object> params) {
        int plans = jdbc.sql("""
                        INSERT INTO home_care_plan (elder_id, community_code, provider_id, valid_from, notes, created_by,
                                                    updated_by)
                        SELECT b.elder_id, b.community_code,
                               (SELECT min(pc.provider_id) FROM home_care_provider_community pc
                                JOIN home_care_provider v ON v.id = pc.provider_id
                                WHERE v.demo AND pc.community_code = b.community_code),
                               CAST(:last AS date), '每月两次精神慰藉、两次上门测血压血糖（演示）', :actor, :actor
                        FROM home_care_budget b JOIN elder e ON e.id = b.elder_id
                        WHERE b.month = :last AND e.created_by = 'demo'
                          AND EXISTS (SELECT 1 FROM home_care_provider_community pc JOIN home_care_provider v
                                      ON v.id = pc.provider_id WHERE v.demo AND pc.community_code = b.community_code)
                          AND NOT EXISTS (SELECT 1 FROM home_care_plan p WHERE p.elder_id = b.elder_id)
                        """).params(params).update();
        jdbc.sql("""
                        INSERT INTO home_care_plan_item (plan_id, item_id, times_per_month, preferred_time)
                        SELECT p.id, i.id, 2, TIME '08:30' + make_interval(hours => (p.elder_id % 4)::int * 2)
                        FROM home_care_plan p
                        CROSS JOIN (SELECT id FROM home_care_item WHERE demo AND active
                                    ORDER BY category = 'COMPANIONSHIP' DESC, (category = 'MEDICAL' AND unit = 'VISIT') DESC,
                                             code LIMIT 2) i
                        WHERE p.created_by = 'demo'
                        ON CONFLICT DO NOTHING
                        """).update();
        return plans;
    }

    /** The plans' orders of last month and this month, in the states their dates call for. */
    private int orders(Map<String, Object> params) {
        return jdbc.sql("""
                        WITH visit AS (
                            SELECT p.id AS plan_id, p.elder_id, p.community_code, p.provider_id, pi.item_id, pi.preferred_time,
                                   m.month, s.seq, b.id AS budget_id, b.government_share,
                                   dense_rank() OVER (PARTITION BY p.id ORDER BY pi.item_id) - 1 AS r,
                                   dense_rank() OVER (PARTITION BY p.provider_id ORDER BY p.elder_id) AS elder_rank
                            FROM home_care_plan p
                            JOIN home_care_plan_item pi ON pi.plan_id = p.id
                            CROSS JOIN (VALUES (CAST(:last AS date)), (CAST(:month AS date))) m (month)
                            CROSS JOIN generate_series(1, 2) s (seq)
                            JOIN home_care_budget b ON b.elder_id = p.elder_id AND b.month = m.month
                            WHERE p.created_by = 'demo' AND s.seq <= pi.times_per_month),
                        dated AS (
                            SELECT v.*,
                                   CASE WHEN v.month = :month AND v.elder_rank <= 3 AND v.r = 0
                                             AND v.seq = CASE WHEN extract(day FROM CAST(:today AS date)) <= 14 THEN 1 ELSE 2 END
                                        THEN CAST(:today AS date)   -- today's visits of each provider's first three elders
                                        ELSE v.month + (v.seq - 1) * 14 + ((v.elder_id + v.r * 5) % 13)::int END AS day
                            FROM visit v),
                        scheduled AS (
                            SELECT d.*, (d.day + d.preferred_time) AT TIME ZONE 'Asia/Shanghai' AS at,
                                   row_number() OVER (PARTITION BY d.month ORDER BY d.day, d.preferred_time, d.plan_id, d.item_id, d.seq) AS n,
                                   row_number() OVER (PARTITION BY d.month ORDER BY d.day DESC, d.preferred_time DESC, d.plan_id DESC,
                                                      d.item_id DESC, d.seq DESC) AS from_end
                            FROM dated d),
                        stated AS (
                            SELECT s.*,
                                   CASE WHEN s.month = :last THEN
                                            CASE WHEN s.n = 3 THEN 'MISSED' WHEN s.n = 5 THEN 'CANCELLED'
                                                 WHEN s.n % 3 = 0 THEN 'CALLED_BACK' ELSE 'CONFIRMED' END
                                        WHEN s.day < :today THEN 'CONFIRMED'
                                        WHEN s.day = :today THEN 'ACCEPTED'
                                        WHEN s.from_end <= 2 THEN 'PENDING_DISPATCH'
                                        ELSE 'DISPATCHED' END AS state,
                                   -- minutes after the scheduled time: −5 to 14, and 40 (late) for one visit in ten
                                   CASE WHEN s.n % 10 = 4 THEN 40 ELSE ((s.plan_id * 7 + s.seq * 3) % 20)::int - 5 END AS late,
                                   i.standard_minutes, i.unit,
                                   coalesce(home_care_price_on(s.item_id, s.community_code, s.day), 30.00) AS price,
                                   (SELECT min(u.id) FROM app_user u WHERE u.provider_id = s.provider_id AND u.role = 'CARE_WORKER') AS worker,
                                   l.latitude, l.longitude
                            FROM scheduled s JOIN home_care_item i ON i.id = s.item_id
                            LEFT JOIN home_care_elder_location l ON l.elder_id = s.elder_id),
                        timed AS (
                            SELECT t.*,
                                   CASE WHEN t.state IN ('CONFIRMED', 'CALLED_BACK') THEN t.at + make_interval(mins => t.late) END AS check_in,
                                   CASE WHEN t.state IN ('CONFIRMED', 'CALLED_BACK') THEN t.at + make_interval(mins => t.late)
                                        + make_interval(mins => CASE WHEN t.month = :last AND t.n = 7 THEN t.standard_minutes / 2
                                                                     ELSE t.standard_minutes + (t.plan_id % 8)::int END) END AS check_out,
                                   CASE WHEN t.unit = 'HOUR' THEN round(t.standard_minutes / 60.0, 2) ELSE 1 END AS quantity
                            FROM stated t)
                        INSERT INTO home_care_order (elder_id, community_code, month, budget_id, plan_id, plan_sequence, item_id,
                            provider_id, worker_id, scheduled_at, state, unit_price, quantity, amount, government_share,
                            service_notes, check_in_at, check_in_latitude, check_in_longitude, check_in_distance_m,
                            check_out_at, work_done, confirmed_at, confirmation, flag_duration, close_reason, closed_at,
                            created_at, created_by)
                        SELECT t.elder_id, t.community_code, t.month, t.budget_id, t.plan_id, t.seq, t.item_id,
                               CASE WHEN t.state <> 'PENDING_DISPATCH' THEN t.provider_id END,
                               CASE WHEN t.state NOT IN ('PENDING_DISPATCH', 'DISPATCHED', 'CANCELLED') THEN t.worker END,
                               t.at, t.state, t.price, t.quantity, round(t.price * t.quantity, 2), t.government_share,
                               '按服务计划上门（演示）',
                               t.check_in,
                               CASE WHEN t.check_in IS NOT NULL THEN t.latitude + 0.0002 END,
                               CASE WHEN t.check_in IS NOT NULL THEN t.longitude - 0.0001 END,
                               CASE WHEN t.check_in IS NOT NULL AND t.latitude IS NOT NULL THEN 24 END,
                               t.check_out,
                               CASE WHEN t.check_out IS NOT NULL THEN '已按计划完成服务，老人状况良好（演示）' END,
                               t.check_out + INTERVAL '3 minutes',
                               CASE WHEN t.check_out IS NOT NULL THEN 'CARD_CODE' END,
                               t.month = :last AND t.n = 7,
                               CASE WHEN t.state = 'CANCELLED' THEN '老人住院，本次服务取消（演示）' END,
                               CASE WHEN t.state = 'CANCELLED' THEN t.at - INTERVAL '1 day'
                                    WHEN t.state = 'MISSED' THEN t.at + INTERVAL '1 hour'
                                    WHEN t.check_out IS NOT NULL THEN t.check_out + INTERVAL '3 minutes' END,
                               (t.month - 2) + TIME '08:00', :actor
                        FROM timed t
                        """).params(params).update();
    }

    /** Last month's draw per provider and the calls on its called-back orders: one complaint, one partly. */
    private void callbacks(Map<String, Object> params) {
        jdbc.sql("""
                        INSERT INTO home_care_callback_draw (provider_id, month, seed, population, sample_size, drawn_at, drawn_by)
                        SELECT o.provider_id, o.month, 20260000 + o.provider_id,
                               count(*) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')),
                               count(*) FILTER (WHERE o.state = 'CALLED_BACK'),
                               CAST(:month AS date) + TIME '09:00', :actor
                        FROM home_care_order o
                        WHERE o.created_by = 'demo' AND o.month = :last AND o.provider_id IS NOT NULL
                        GROUP BY o.provider_id, o.month
                        ON CONFLICT DO NOTHING
                        """).params(params).update();
        jdbc.sql("""
                        INSERT INTO home_care_callback (order_id, draw_id, outcome, satisfaction, note, called_at, called_by)
                        SELECT o.id, d.id,
                               CASE c.k WHEN 2 THEN 'COMPLAINT' WHEN 4 THEN 'PARTLY' ELSE 'DELIVERED' END,
                               CASE c.k WHEN 2 THEN 2 WHEN 4 THEN 3 ELSE 5 - (c.k % 2)::int END,
                               CASE c.k WHEN 2 THEN '老人反映护理员迟到且服务时间不足（演示）'
                                        WHEN 4 THEN '清洁只做了一部分（演示）' END,
                               o.confirmed_at + INTERVAL '3 days', 'demo'
                        FROM (SELECT id, row_number() OVER (ORDER BY scheduled_at, id) AS k FROM home_care_order
                              WHERE created_by = 'demo' AND state = 'CALLED_BACK') c
                        JOIN home_care_order o ON o.id = c.id
                        JOIN home_care_callback_draw d ON d.provider_id = o.provider_id AND d.month = o.month
                        """).params(params).update();
    }

    /** Each order's path through its states, one event per transition, at the times the order records. */
    private void events() {
        jdbc.sql("""
                        INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id, worker_id,
                                                           reason, at, by_user)
                        SELECT o.id, s.event, s.from_state, s.to_state,
                               CASE WHEN s.step >= 2 THEN o.provider_id END,
                               CASE WHEN s.step >= 3 AND s.step <> 8 THEN o.worker_id END,
                               CASE WHEN s.step = 8 THEN o.close_reason END,
                               CASE s.step WHEN 1 THEN o.created_at
                                           WHEN 2 THEN o.created_at + INTERVAL '1 hour'
                                           WHEN 3 THEN o.created_at + INTERVAL '2 hours'
                                           WHEN 4 THEN o.check_in_at
                                           WHEN 5 THEN o.check_out_at
                                           WHEN 6 THEN o.confirmed_at
                                           WHEN 7 THEN cb.called_at
                                           ELSE o.closed_at END,
                               CASE WHEN s.step IN (4, 5, 6) THEN coalesce(w.username, 'demo')
                                    WHEN s.step = 3 AND w.username = 'worker' THEN 'provider'
                                    ELSE 'demo' END
                        FROM home_care_order o
                        LEFT JOIN home_care_callback cb ON cb.order_id = o.id
                        LEFT JOIN app_user w ON w.id = o.worker_id
                        JOIN (VALUES (1, 'CREATED', CAST(NULL AS varchar), 'PENDING_DISPATCH'),
                                     (2, 'DISPATCHED', 'PENDING_DISPATCH', 'DISPATCHED'),
                                     (3, 'ACCEPTED', 'DISPATCHED', 'ACCEPTED'),
                                     (4, 'CHECKED_IN', 'ACCEPTED', 'CHECKED_IN'),
                                     (5, 'CHECKED_OUT', 'CHECKED_IN', 'CHECKED_OUT'),
                                     (6, 'CONFIRMED', 'CHECKED_OUT', 'CONFIRMED'),
                                     (7, 'CALLED_BACK', 'CONFIRMED', 'CALLED_BACK'),
                                     (8, 'CANCELLED', 'DISPATCHED', 'CANCELLED'),
                                     (9, 'MISSED', 'ACCEPTED', 'MISSED')) s (step, event, from_state, to_state)
                          ON s.step <= CASE o.state WHEN 'PENDING_DISPATCH' THEN 1 WHEN 'DISPATCHED' THEN 2
                                                    WHEN 'ACCEPTED' THEN 3 WHEN 'CHECKED_IN' THEN 4
                                                    WHEN 'CHECKED_OUT' THEN 5 WHEN 'CONFIRMED' THEN 6
                                                    WHEN 'CALLED_BACK' THEN 7 WHEN 'CANCELLED' THEN 2
                                                    WHEN 'MISSED' THEN 3 END
                             OR (s.step = 8 AND o.state = 'CANCELLED') OR (s.step = 9 AND o.state = 'MISSED')
                        WHERE o.created_by = 'demo'
                        """).update();
    }
}
