package org.yinling.meal;

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
 * Demo meal points in use (issue 20 §8), after the demo elders: one licensed point in the first community of each
 * demo street, serving the street's second community too (canteens in the odd streets, meal points in the even ones,
 * dinner at the canteens), each with up to {@value #REGULARS} regulars drawn from the elders 60+ of the communities it
 * serves, and their meals from the first day of the month {@value #MONTHS} months back up to yesterday (lunch on about seven weekdays in ten and
 * four weekend days in ten, dinner now and then at the canteens, one meal in six delivered), each with the elder's
 * category on the day (as the counter records it). The settlements of the finished months are confirmed by the
 * district clerk early in the month after, so that the next payment batch pays them. Set-based, bounded by the regulars (a few tens of thousands
 * of meals whatever the number of elders); nothing is added when demo meal points exist.
 */
@Component
@Order(DemoMeals.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoMeals implements ApplicationRunner {

    /** After the demo elders (30), policies (40), institutions, home care (60, 65) and visits (80). */
    static final int ORDER = 85;
    static final String DISTRICT = "330105";
    static final String ACTOR = "demo";
    /** Who confirms the demo settlements: the demo district clerk, so the statement shows a person's name. */
    static final String CONFIRMED_BY = "district";
    static final int REGULARS = 150;
    /** Full months of meals before this one, each settled. */
    static final int MONTHS = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoMeals.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoMeals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM meal_point WHERE demo)").query(Boolean.class).single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        Map<String, Object> params = Map.of("district", DISTRICT + "%", "actor", ACTOR, "today", today,
                "from", month.minusMonths(MONTHS), "month", month, "regulars", REGULARS, "confirmedBy", CONFIRMED_BY);
        int points = jdbc.sql("""
                        WITH street AS (
                            SELECT substr(c.code, 1, 9) AS street, min(c.code) AS first, (array_agg(c.code ORDER BY c.code))[2] AS second,
                                   row_number() OVER (ORDER BY substr(c.code, 1, 9)) AS k
                            FROM region c
                            WHERE c.level = 'COMMUNITY' AND c.demo AND c.code LIKE :district
                            GROUP BY 1),
                        added AS (
                            INSERT INTO meal_point (name, kind, operator, community_code, address, seats, serves_lunch,
                                                    serves_dinner, licence_number, licence_expires, opened_on, status,
                                                    payee_bank, payee_account, demo, created_by, updated_by)
                            SELECT r.name || CASE WHEN s.k % 2 = 1 THEN '老年食堂（演示）' ELSE '助餐点（演示）' END,
                                   CASE WHEN s.k % 2 = 1 THEN 'CANTEEN' ELSE 'MEAL_POINT' END,
                                   CASE WHEN s.k % 3 = 0 THEN '杭州颐膳餐饮管理有限公司（演示）' ELSE r.name || '居家养老服务中心（演示）' END,
                                   s.first, r.name || '服务中心一楼', CASE WHEN s.k % 2 = 1 THEN 80 ELSE 40 END, TRUE, s.k % 2 = 1,
                                   'JY' || '3330105' || lpad((s.k * 7919 % 100000)::text, 7, '0'), DATE '2028-06-30',
                                   DATE '2024-03-01' + (s.k * 37)::int, 'OPERATING', '杭州银行拱墅支行',
                                   '3301040160' || lpad((s.k * 104729 % 10000000)::text, 7, '0'), TRUE, :actor, :actor
                            FROM street s JOIN region r ON r.code = s.first
                            RETURNING id, community_code),
                        served AS (
                            INSERT INTO meal_point_community (meal_point_id, community_code)
                            SELECT a.id, s.second FROM added a JOIN street s ON s.first = a.community_code
                            WHERE s.second IS NOT NULL
                            RETURNING meal_point_id)
                        SELECT count(*) FROM added
                        """).params(params).query(Integer.class).single();
        int meals = jdbc.sql("""
                        WITH point AS (
                            SELECT p.id, p.serves_dinner, p.community_code FROM meal_point p WHERE p.demo
                            UNION ALL
                            SELECT p.id, p.serves_dinner, c.community_code
                            FROM meal_point p JOIN meal_point_community c ON c.meal_point_id = p.id WHERE p.demo),
                        regular AS (
                            -- the regulars: a stable draw among the active elders of the served communities
                            SELECT id, elder_id, serves_dinner, birth_date, economic_status FROM (
                                SELECT pt.id, pt.serves_dinner, e.id AS elder_id, e.birth_date, e.economic_status,
                                       row_number() OVER (PARTITION BY pt.id ORDER BY hashint8(e.id)) AS k
                                FROM point pt JOIN elder e ON e.community_code = pt.community_code
                                WHERE e.demo AND e.life_status = 'ACTIVE'
                                  AND e.birth_date <= CAST(:today AS date) - INTERVAL '60 years') x
                            WHERE k <= :regulars),
                        served AS (
                            SELECT r.*, d::date AS day, m.meal,
                                   abs(hashint8(r.elder_id * 1000 + (d::date - DATE '2000-01-01'))) % 100 AS h
                            FROM regular r
                            CROSS JOIN generate_series(CAST(:from AS date), CAST(:today AS date) - 1, INTERVAL '1 day') d
                            CROSS JOIN (VALUES ('LUNCH'), ('DINNER')) m (meal)
                            WHERE m.meal = 'LUNCH' OR r.serves_dinner)
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_at,
                                          recorded_by)
                        SELECT s.elder_id, s.id, s.day, s.meal,
                               CASE WHEN s.h % 6 = 0 THEN 'DELIVERED' ELSE 'EAT_IN' END,
                               -- the city's default categories (V43), as the counter would choose among them
                               (SELECT c.id FROM meal_category c
                                WHERE c.region_code IS NULL AND c.effective_from = DATE '2000-01-01'
                                  AND c.position = CASE WHEN s.economic_status IN ('EXTREME_POVERTY', 'MINIMUM_LIVING') THEN 1
                                                        WHEN s.birth_date <= s.day - INTERVAL '80 years' THEN 2 ELSE 3 END),
                               (s.day + CASE s.meal WHEN 'LUNCH' THEN time '11:05' ELSE time '17:05' END
                                  + (s.h % 50) * INTERVAL '1 minute') AT TIME ZONE :zone,
                               :actor
                        FROM served s
                        WHERE CASE WHEN s.meal = 'DINNER' THEN s.h < 15
                                   WHEN extract(isodow FROM s.day) >= 6 THEN s.h < 40
                                   ELSE s.h < 70 END
                        ON CONFLICT (elder_id, served_on, meal) DO NOTHING
                        """).params(params).param("zone", clock.getZone().getId()).update();
        // last month's settlement, as MealSettlements.confirm computes it: meals by category at the rates, plus the
        // operating subsidy per meal of a point licensed at the end of the month
        int settled = jdbc.sql("""
                        INSERT INTO meal_settlement (meal_point_id, month, meals, per_meal_amount, operating_amount, total,
                                                     confirmed_by, confirmed_at)
                        SELECT x.id, x.month, x.meals, x.per_meal, x.operating, x.per_meal + x.operating,
                               :confirmedBy, least(now(), CAST(x.month + INTERVAL '1 month 1 day 10 hours' AS timestamp))
                        FROM (
                            SELECT p.id, m.month, count(*) AS meals, sum(r.amount) AS per_meal,
                                   CASE WHEN p.licence_expires >= CAST(m.month + INTERVAL '1 month - 1 day' AS date)
                                        THEN count(*) * COALESCE(rate_on('MEAL', 'OPERATING', p.community_code, m.month), 0)
                                        ELSE 0 END AS operating
                            FROM meal_point p
                            JOIN (SELECT meal_point_id, category_id, CAST(date_trunc('month', served_on) AS date) AS month
                                  FROM meal WHERE served_on < CAST(:month AS date)) m ON m.meal_point_id = p.id
                            JOIN meal_category r ON r.id = m.category_id
                            WHERE p.demo
                            GROUP BY p.id, m.month, p.licence_expires) x
                        ON CONFLICT (meal_point_id, month) DO NOTHING
                        """).params(params).update();
        log.info("Demo meals: {} meal points, {} meals, {} monthly settlements", points, meals, settled);
    }
}
