package org.yinling.dashboard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;
import org.yinling.region.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 18 item 10, "numbers agree with the records": a known month of home care in a district of its own (budgets,
 * orders in every state, call-backs), each indicator checked against the number written here AND against a
 * recomputation from the records that shares nothing with {@link FigureQueries} (one plain statement per figure,
 * the missed-after minutes looked up per order).
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeCareIndicatorsTest {

    static final String DISTRICT = "120103000000";
    static final String STREET = "120103001000";
    static final String C = "120103001001";
    static final String OTHER = "120103001002";
    private static boolean created;
    private static long providerId;
    private static Order orders;
    private static long lastBudget;
    private static long lastElder;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DashboardService dashboards;
    @Autowired
    MonthlyReports reports;
    @Autowired
    Regions regions;

    DashboardFixtures fixtures;
    final LocalDate today = TestDates.today();
    final LocalDate month = today.withDayOfMonth(1);

    @BeforeEach
    void knownMonth() throws Exception {
        fixtures = new DashboardFixtures(mvc, jdbc, encoder);
        if (created) {
            return;
        }
        created = true;
        fixtures.region(DISTRICT, null, "居家指标测试区", null, null);
        fixtures.region(STREET, DISTRICT, "居家街道", null, null);
        fixtures.region(C, STREET, "居家社区", "MAIN_URBAN", 100);
        fixtures.region(OTHER, STREET, "无服务社区", "MAIN_URBAN", 100);
        long policy = jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency, rule,
                            status, published_at, published_by, created_by, updated_by, delivery, government_share)
                        VALUES ('KC_JUJIA', 1, '居家指标测试政策', 'HOME_CARE_SERVICE', ?, DATE '2026-01-01', 'MONTHLY',
                            '{}'::jsonb, 'PUBLISHED', now(), 'test', 'test', 'test', 'SERVICE_BUDGET', 1.00)
                        RETURNING id
                        """).param(DISTRICT).query(Long.class).single();
        LocalDate born = today.minusYears(75);
        long e1 = fixtures.elder(C, "MALE", born, "NONE", null);
        long e2 = fixtures.elder(C, "FEMALE", born, "NONE", null);
        long e3 = fixtures.elder(C, "FEMALE", born, "NONE", null);
        long t1 = fixtures.entitlement(e1, policy, "KC_JUJIA", C, "160");
        long t2 = fixtures.entitlement(e2, policy, "KC_JUJIA", C, "160");
        long t3 = fixtures.entitlement(e3, policy, "KC_JUJIA", C, "100");
        long b1 = budget(e1, t1, month, "160", "0");
        long b2 = budget(e2, t2, month, "160", "20");
        long b3 = budget(e3, t3, month, "100", "0");
        budget(e1, t1, month.minusMonths(1), "160", "0");                       // last month's: not this month's

        providerId = jdbc.sql("""
                        INSERT INTO home_care_provider (name, credit_code, kind, region_code, contract_from, contract_to,
                            created_by, updated_by)
                        VALUES ('居家指标测试服务社', '52120103MJ0000001K', 'HOME_SERVICE', ?, DATE '2024-01-01',
                            DATE '2030-12-31', 'test', 'test') RETURNING id
                        """).param(DISTRICT).query(Long.class).single();
        long worker = jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code, provider_id)
                        VALUES ('kc.worker', 'kc.worker', 'x', 'CARE_WORKER', ?, ?) RETURNING id
                        """).params(DISTRICT, providerId).query(Long.class).single();
        long item = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES ('KCTEST-CLEAN', '居家指标测试助洁', 'CLEANING', 'VISIT', 60, 'test') RETURNING id
                        """).query(Long.class).single();
        Order o = new Order(providerId, worker, item);
        // minutes late at check-in, minutes of service; the default setting allows 30 minutes
        long o1 = o.add(e1, b1, month, "CONFIRMED", "40", 10, 60);          // on time, 1 h
        long o2 = o.add(e1, b1, month, "CALLED_BACK", "30", 45, 30);        // late, 0.5 h
        long o3 = o.add(e2, b2, month, "CONFIRMED", "50", -5, 90);          // early is on time, 1.5 h
        o.add(e2, b2, month, "CANCELLED", "25", null, null);                // neither used nor delivered
        o.add(e3, b3, month, "MISSED", "25", null, null);
        o.add(e3, b3, month, "ACCEPTED", "20", null, null);                 // used, not delivered yet
        o.add(e3, b3, month, "CHECKED_OUT", "10", 0, 20);                   // used, not confirmed
        long old = o.add(e3, b3, month.minusMonths(1), "CONFIRMED", "40", 0, 60);   // last month
        long draw = jdbc.sql("""
                        INSERT INTO home_care_callback_draw (provider_id, month, seed, population, sample_size, drawn_by)
                        VALUES (?, ?, 42, 3, 3, 'test') RETURNING id
                        """).params(providerId, month).query(Long.class).single();
        callback(o1, draw, "DELIVERED");
        callback(o2, draw, "COMPLAINT");
        callback(o3, draw, null);                                           // drawn, not called yet
        long oldDraw = jdbc.sql("""
                        INSERT INTO home_care_callback_draw (provider_id, month, seed, population, sample_size, drawn_by)
                        VALUES (?, ?, 7, 1, 1, 'test') RETURNING id
                        """).params(providerId, month.minusMonths(1)).query(Long.class).single();
        callback(old, oldDraw, "COMPLAINT");                               // last month's complaint
        orders = o;
        lastBudget = b3;
        lastElder = e3;
    }

    /**
     * The dashboard reads home care from tallies kept by triggers (V34): after inserts and updates of every kind (a
     * visit confirmed, called back, cancelled, moved to another provider and community, a bulk update) the tallies
     * equal a plain aggregate of the orders, and an elder whose only confirmed visit in a community moves away is no longer served there.
     */
    @Test
    void theTalliesEqualTheOrdersAfterEveryKindOfChange() {
        LocalDate earlier = month.minusMonths(3);   // a month no other figure of this class reads
        long confirmed = orders.add(lastElder, lastBudget, earlier, "CHECKED_OUT", "30", 5, 50);
        long accepted = orders.add(lastElder, lastBudget, earlier, "ACCEPTED", "20", null, null);
        long alone = orders.add(lastElder, lastBudget, earlier, "CONFIRMED", "10", 40, 20);
        assertThat(served(earlier)).isEqualTo(1);
        jdbc.sql("UPDATE home_care_order SET state = 'CONFIRMED', confirmed_at = check_out_at WHERE id = ?")
                .param(confirmed).update();
        jdbc.sql("UPDATE home_care_order SET state = 'CALLED_BACK' WHERE id = ?").param(confirmed).update();
        jdbc.sql("UPDATE home_care_order SET state = 'CANCELLED', closed_at = now(), worker_id = NULL WHERE id = ?")
                .param(accepted).update();
        jdbc.sql("UPDATE home_care_order SET community_code = ? WHERE id = ?").params(OTHER, alone).update();
        jdbc.sql("UPDATE home_care_order SET provider_id = NULL WHERE month = ? AND state = 'CANCELLED'")
                .param(earlier).update();
        assertTalliesEqualTheOrders();
        assertThat(served(earlier)).isEqualTo(2);    // one elder served in C and in OTHER

        jdbc.sql("UPDATE home_care_order SET community_code = ? WHERE id = ?").params(C, alone).update();
        assertTalliesEqualTheOrders();
        assertThat(served(earlier)).isEqualTo(1);    // the elder's only visit in OTHER went back to C
    }

    private long served(LocalDate month) {
        return jdbc.sql("SELECT count(*) FROM home_care_elder_month WHERE month = ? AND community_code LIKE '120103%'")
                .param(month).query(Long.class).single();
    }

    private void assertTalliesEqualTheOrders() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT o.month, o.community_code, coalesce(o.provider_id, 0) AS provider_id,
                                   count(*) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')) AS visits,
                                   coalesce(sum(extract(epoch FROM o.check_out_at - o.check_in_at))
                                       FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')), 0) AS seconds,
                                   count(*) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')
                                       AND o.check_in_at - o.scheduled_at <= make_interval(mins => (home_care_setting_on(
                                           o.community_code, CAST(o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date)))
                                           .missed_after_minutes)) AS on_time,
                                   coalesce(sum(o.amount) FILTER (WHERE o.state NOT IN ('CANCELLED', 'MISSED')), 0) AS amount
                            FROM home_care_order o GROUP BY 1, 2, 3) fresh
                        FULL JOIN (SELECT * FROM home_care_order_tally
                                   WHERE visits <> 0 OR seconds <> 0 OR on_time <> 0 OR amount <> 0) t
                          ON t.month = fresh.month AND t.community_code = fresh.community_code
                         AND t.provider_id = fresh.provider_id
                        WHERE (t.visits IS DISTINCT FROM fresh.visits OR t.seconds IS DISTINCT FROM fresh.seconds
                               OR t.on_time IS DISTINCT FROM fresh.on_time OR t.amount IS DISTINCT FROM fresh.amount)
                          AND NOT (t.month IS NULL AND fresh.visits = 0 AND fresh.amount = 0)
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT month, community_code, elder_id, count(*) AS visits FROM home_care_order
                            WHERE state IN ('CONFIRMED', 'CALLED_BACK') GROUP BY 1, 2, 3) fresh
                        FULL JOIN home_care_elder_month t USING (month, community_code, elder_id)
                        WHERE t.visits IS DISTINCT FROM fresh.visits
                        """).query(Long.class).single()).isZero();
    }

    @Test
    void everyHomeCareFigureEqualsTheNumberExpectedAndARecomputationFromTheRecords() {
        for (String code : List.of(C, STREET, DISTRICT)) {
            IndicatorSheet sheet = dashboards.build(regions.find(code).orElseThrow(), today).sheet();
            assertThat(value(sheet, Indicator.HOME_CARE_BUDGET_ELDERS)).as(code).isEqualTo("3");
            assertThat(value(sheet, Indicator.PURCHASED_SERVICE_ELDERS)).as(code).isEqualTo("2");
            assertThat(value(sheet, Indicator.PURCHASED_SERVICE_ENTITLEMENTS)).as(code).isEqualTo("3");
            assertThat(value(sheet, Indicator.HOME_CARE_VISITS)).as(code).isEqualTo("3");
            assertThat(value(sheet, Indicator.HOME_CARE_HOURS)).as(code).isEqualTo("3.0");
            assertThat(value(sheet, Indicator.HOME_CARE_BUDGET_USED)).as(code).isEqualTo("0.3409");   // 150 / 440
            assertThat(value(sheet, Indicator.HOME_CARE_ON_TIME)).as(code).isEqualTo("0.6667");       // 2 / 3
            assertThat(value(sheet, Indicator.HOME_CARE_CALLBACK_CONFIRMED)).as(code).isEqualTo("0.5000"); // 1 / 2
            assertThat(value(sheet, Indicator.HOME_CARE_COMPLAINTS)).as(code).isEqualTo("1");

            Map<Indicator, String> recomputed = recompute(code.substring(0, regions.find(code).orElseThrow()
                    .level().significantDigits()) + "%", month);
            recomputed.forEach((indicator, expected) ->
                    assertThat(value(sheet, indicator)).as(code + " " + indicator).isEqualTo(expected));
        }
        // drill-down: the street's row splits into its communities, the one without service has nothing
        Dashboard street = dashboards.build(regions.find(STREET).orElseThrow(), today);
        assertThat(street.units()).extracting(u -> u.region().code()).containsExactly(C, OTHER);
        assertThat(street.units().get(1).sheet().get(Indicator.HOME_CARE_VISITS).value()).isEqualByComparingTo("0");
        assertThat(street.units().get(1).sheet().get(Indicator.HOME_CARE_ON_TIME).value()).isNull();

        // per provider
        assertThat(street.providers()).singleElement().satisfies(p -> {
            assertThat(p.providerId()).isEqualTo(providerId);
            assertThat(p.visits()).isEqualTo(3);
            assertThat(p.hours()).isEqualByComparingTo("3.0");
            assertThat(p.onTime()).isEqualTo(2);
            assertThat(p.amount()).isEqualByComparingTo("150.00");
            assertThat(p.callbacks()).isEqualTo(2);
            assertThat(p.delivered()).isEqualTo(1);
            assertThat(p.complaints()).isEqualTo(1);
        });

        // the monthly report of last month counts last month's records only
        MonthlyReport last = reports.build(regions.find(DISTRICT).orElseThrow(),
                java.time.YearMonth.from(month.minusMonths(1)));
        assertThat(value(last.sheet(), Indicator.HOME_CARE_BUDGET_ELDERS)).isEqualTo("1");
        assertThat(value(last.sheet(), Indicator.PURCHASED_SERVICE_ELDERS)).isEqualTo("1");
        assertThat(value(last.sheet(), Indicator.HOME_CARE_VISITS)).isEqualTo("1");
        assertThat(value(last.sheet(), Indicator.HOME_CARE_COMPLAINTS)).isEqualTo("1");
        recompute(DISTRICT.substring(0, 6) + "%", month.minusMonths(1)).entrySet().stream()
                .filter(e -> e.getKey() != Indicator.PURCHASED_SERVICE_ENTITLEMENTS)
                .forEach(e -> assertThat(value(last.sheet(), e.getKey())).as("last month " + e.getKey())
                        .isEqualTo(e.getValue()));
    }

    @Test
    void theDashboardAndTheMonthlyReportShowTheFigures() throws Exception {
        var staff = fixtures.as("kc.district", "DISTRICT_STAFF", DISTRICT);
        String html = mvc.perform(get("/dashboard/regions/" + STREET).with(staff))
                .andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#figure-table tr[data-indicator=PURCHASED_SERVICE_ELDERS] td").get(1).text())
                .isEqualTo("2");
        assertThat(doc.select("#home-care-unit-table td[data-indicator=HOME_CARE_HOURS]").eachText())
                .containsExactly("3.0", "0.0");
        assertThat(doc.select("#home-care-provider-table tr[data-provider] td").eachText())
                .containsExactly("居家指标测试服务社", "3", "3.0", "150.00", "66.7%", "50.0%", "1");

        byte[] xlsx = mvc.perform(get("/reports/monthly.xlsx").param("region", DISTRICT).with(staff))
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(2).doReadSync();
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("准时上门率");
            assertThat(row.get(1)).isEqualTo("66.7%");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("政府购买服务老人数");
            assertThat(row.get(1)).isEqualTo("2");
        });
    }

    /** Each figure again, straight from the records: a plain statement each, the setting looked up per order. */
    private Map<Indicator, String> recompute(String scope, LocalDate month) {
        Map<String, Object> p = Map.of("scope", scope, "month", month);
        long budgetElders = number("SELECT count(DISTINCT elder_id) FROM home_care_budget WHERE community_code LIKE :scope AND month = :month", p);
        BigDecimal budgets = money("SELECT sum(amount + carried_over) FROM home_care_budget WHERE community_code LIKE :scope AND month = :month", p);
        String confirmed = "community_code LIKE :scope AND month = :month AND confirmed_at IS NOT NULL";
        long served = number("SELECT count(DISTINCT elder_id) FROM home_care_order WHERE " + confirmed, p);
        long visits = number("SELECT count(*) FROM home_care_order WHERE " + confirmed, p);
        BigDecimal seconds = money("SELECT sum(extract(epoch FROM check_out_at - check_in_at)) FROM home_care_order WHERE " + confirmed, p);
        long onTime = number("""
                SELECT count(*) FROM home_care_order o WHERE %s AND o.check_in_at - o.scheduled_at <=
                    make_interval(mins => (home_care_setting_on(o.community_code,
                        CAST(o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date))).missed_after_minutes)
                """.formatted(confirmed), p);
        BigDecimal used = money("SELECT sum(amount) FROM home_care_order WHERE community_code LIKE :scope AND month = :month AND state NOT IN ('CANCELLED', 'MISSED')", p);
        String calls = "SELECT count(*) FROM home_care_callback cb WHERE cb.order_id IN (SELECT id FROM home_care_order WHERE community_code LIKE :scope AND month = :month)";
        long recorded = number(calls + " AND cb.outcome IS NOT NULL", p);
        long delivered = number(calls + " AND cb.outcome = 'DELIVERED'", p);
        long complaints = number(calls + " AND cb.outcome = 'COMPLAINT'", p);
        long entitlements = number("""
                SELECT count(*) FROM subsidy_entitlement t JOIN subsidy_policy s ON s.id = t.policy_id
                WHERE t.community_code LIKE :scope AND t.status = 'ACTIVE' AND s.delivery = 'SERVICE_BUDGET'
                """, Map.of("scope", scope));
        return Map.of(
                Indicator.HOME_CARE_BUDGET_ELDERS, Long.toString(budgetElders),
                Indicator.PURCHASED_SERVICE_ELDERS, Long.toString(served),
                Indicator.PURCHASED_SERVICE_ENTITLEMENTS, Long.toString(entitlements),
                Indicator.HOME_CARE_VISITS, Long.toString(visits),
                Indicator.HOME_CARE_HOURS, seconds.divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP).toPlainString(),
                Indicator.HOME_CARE_BUDGET_USED, used.divide(budgets, 4, RoundingMode.HALF_UP).toPlainString(),
                Indicator.HOME_CARE_ON_TIME, ratio(onTime, visits),
                Indicator.HOME_CARE_CALLBACK_CONFIRMED, ratio(delivered, recorded),
                Indicator.HOME_CARE_COMPLAINTS, Long.toString(complaints));
    }

    private static String ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).toPlainString();
    }

    private long number(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private BigDecimal money(String sql, Map<String, Object> params) {
        BigDecimal value = jdbc.sql(sql).params(params).query(BigDecimal.class).single();
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String value(IndicatorSheet sheet, Indicator indicator) {
        return sheet.get(indicator).value().toPlainString();
    }

    private long budget(long elder, long entitlement, LocalDate month, String amount, String carried) {
        return jdbc.sql("""
                        INSERT INTO home_care_budget (elder_id, month, entitlement_id, community_code, amount, carried_over,
                            government_share)
                        VALUES (?, ?, ?, ?, CAST(? AS numeric), CAST(? AS numeric), 1.00) RETURNING id
                        """).params(elder, month, entitlement, C, amount, carried).query(Long.class).single();
    }

    private void callback(long order, long draw, String outcome) {
        jdbc.sql("""
                        INSERT INTO home_care_callback (order_id, draw_id, outcome, satisfaction, called_at, called_by)
                        VALUES (?, ?, ?, CASE WHEN CAST(? AS varchar) IS NULL THEN NULL ELSE 4 END,
                                CASE WHEN CAST(? AS varchar) IS NULL THEN NULL ELSE now() END, 'test')
                        """).params(order, draw, outcome, outcome, outcome).update();
    }

    /** Orders written straight into the table in their final state, scheduled at 09:00 on the month's 2nd. */
    private final class Order {
        final long provider;
        final long worker;
        final long item;

        Order(long provider, long worker, long item) {
            this.provider = provider;
            this.worker = worker;
            this.item = item;
        }

        long add(long elder, long budget, LocalDate month, String state, String amount, Integer lateMinutes,
                 Integer serviceMinutes) {
            boolean withWorker = !List.of("PENDING_DISPATCH", "CANCELLED", "MISSED").contains(state);
            return jdbc.sql("""
                            INSERT INTO home_care_order (elder_id, community_code, month, budget_id, item_id, provider_id,
                                worker_id, scheduled_at, state, unit_price, quantity, amount, government_share, ad_hoc,
                                check_in_at, check_out_at, confirmed_at, closed_at, created_by)
                            SELECT :elder, :community, :month, :budget, :item, :provider, :worker, s.at, :state,
                                   CAST(:amount AS numeric), 1, CAST(:amount AS numeric), 1.00, TRUE,
                                   CASE WHEN :state IN ('CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK')
                                        THEN s.at + make_interval(mins => :late) END,
                                   CASE WHEN :state IN ('CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK')
                                        THEN s.at + make_interval(mins => :late + :minutes) END,
                                   CASE WHEN :state IN ('CONFIRMED', 'CALLED_BACK')
                                        THEN s.at + make_interval(mins => :late + :minutes + 1) END,
                                   CASE WHEN :state IN ('CANCELLED', 'MISSED') THEN s.at END,
                                   'test'
                            FROM (SELECT (CAST(:month AS timestamp) + interval '1 day 9 hours') AT TIME ZONE 'Asia/Shanghai' AS at) s
                            RETURNING id
                            """)
                    .param("elder", elder).param("community", C).param("month", month).param("budget", budget)
                    .param("item", item).param("provider", provider).param("worker", withWorker ? worker : null)
                    .param("state", state).param("amount", amount)
                    .param("late", lateMinutes == null ? 0 : lateMinutes)
                    .param("minutes", serviceMinutes == null ? 0 : serviceMinutes)
                    .query(Long.class).single();
        }
    }
}
