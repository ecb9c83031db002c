package org.yinling.dashboard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.region.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19 item 7, 月探访率: a known roster in a district of its own (made by the roster rules through the recompute,
 * rostered since the first day of the month two months back, the earlier months' visit_month rows as the nightly
 * recompute of those months left them) and visits recorded through the visit form: counted, not reached, on the
 * first day of this month and the last day of last month. The rate by tier, per community, street and district,
 * this month and last, and the elders not visited in three months are checked against the numbers expected here
 * AND against a count from scratch over visit_roster and visit that shares nothing with {@link FigureQueries}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VisitRateTest {

    static final String DISTRICT = "120109000000";
    static final String STREET = "120109001000";
    static final String C1 = "120109001001";
    static final String C2 = "120109001002";
    static final String STREET2 = "120109002000";
    static final String C3 = "120109002001";
    private static boolean created;

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
    RequestPostProcessor staff;

    @BeforeEach
    void knownRoster() throws Exception {
        fixtures = new DashboardFixtures(mvc, jdbc, encoder);
        fixtures.region(DISTRICT, null, "探访率测试区", null, null);
        staff = fixtures.as("vr.district", "DISTRICT_STAFF", DISTRICT);
        if (created) {
            return;
        }
        created = true;
        fixtures.region(STREET, DISTRICT, "探访街道", null, null);
        fixtures.region(C1, STREET, "探访一社区", "MAIN_URBAN", 100);
        fixtures.region(C2, STREET, "探访二社区", "MAIN_URBAN", 100);
        fixtures.region(STREET2, DISTRICT, "探访二街道", null, null);
        fixtures.region(C3, STREET2, "探访三社区", "MAIN_URBAN", 100);
        LocalDate old = today.minusYears(85);
        // tiers by the default rules: HIGH capability 3 living alone, MEDIUM 80+ living alone, LOW 失独 aged 70
        long h1 = fixtures.elder(C1, "MALE", old, "NONE", 3);
        long m1 = fixtures.elder(C1, "FEMALE", old, "NONE", null);
        long m2 = fixtures.elder(C1, "FEMALE", old, "NONE", null);
        long l1 = lostOnlyChild(C1);
        long m3 = fixtures.elder(C2, "MALE", old, "NONE", null);
        long l2 = lostOnlyChild(C2);
        long h2 = fixtures.elder(C3, "FEMALE", old, "NONE", 4);
        long m4 = fixtures.elder(C3, "MALE", old, "NONE", null);
        fixtures.elder(C3, "MALE", today.minusYears(70), "NONE", null);         // not on the roster

        mvc.perform(post("/visits/rules/recompute").with(staff).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM visit_roster WHERE community_code LIKE '120109%' AND left_on IS NULL")
                .query(Long.class).single()).isEqualTo(8);
        // on the roster since the first day of the month two months back; those months' facts as the nightly
        // recompute of each month left them (one row per rostered elder, no visit yet)
        LocalDate since = month.minusMonths(2);
        jdbc.sql("UPDATE visit_roster SET rostered_on = ? WHERE community_code LIKE '120109%'").param(since).update();
        jdbc.sql("""
                        INSERT INTO visit_month (month, elder_id, community_code, tier, on_roster)
                        SELECT m, r.elder_id, r.community_code, r.tier, TRUE FROM visit_roster r
                        CROSS JOIN (VALUES (CAST(? AS date)), (CAST(? AS date))) AS months (m)
                        WHERE r.community_code LIKE '120109%' AND r.left_on IS NULL
                        """).params(since, month.minusMonths(1)).update();

        visit(h1, today, true);                                   // counted this month
        visit(h1, month.minusDays(1), true);                      // the last day of last month: last month's
        visit(m1, today, false);                                  // not reached: does not count
        visit(m2, month, true);                                   // the first day of this month
        visit(m3, month.minusDays(1), true);                      // last month only
        visit(h2, today, true);
        visit(m4, today, false);
        // l1, l2: never visited
        assertThat(l1 + l2).isPositive();
    }

    private long lostOnlyChild(String community) {
        long id = fixtures.elder(community, "FEMALE", today.minusYears(70), "NONE", null);
        jdbc.sql("UPDATE elder SET lost_only_child = TRUE WHERE id = ?").param(id).update();
        return id;
    }

    private void visit(long elderId, LocalDate on, boolean reached) throws Exception {
        var request = post("/visits/elders/{id}", elderId).with(staff).with(csrf())
                .param("submissionKey", UUID.randomUUID().toString()).param("visitedOn", on.toString())
                .param("visitedTime", "00:05").param("visitMode", "HOME").param("reached", Boolean.toString(reached));
        if (reached) {
            request.param("health", "FINE").param("homeSafety", "FINE").param("money", "FINE")
                    .param("family", "FINE").param("services", "FINE");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    @Test
    void theRateByTierPerCommunityStreetAndDistrictEqualsTheNumbersExpectedAndACountFromScratch() {
        // this month: C1 h1 and m2 of h1, m1, m2, l1; C2 none of m3, l2; C3 h2 of h2, m4
        Map<String, String> expected = Map.of(C1, "0.5000", C2, "0.0000", C3, "0.5000", STREET, "0.3333",
                STREET2, "0.5000", DISTRICT, "0.3750");
        Map<String, Long> unvisited = Map.of(C1, 2L, C2, 1L, C3, 1L, STREET, 3L, STREET2, 1L, DISTRICT, 4L);
        for (String code : List.of(C1, C2, C3, STREET, STREET2, DISTRICT)) {
            IndicatorSheet sheet = dashboards.build(regions.find(code).orElseThrow(), today).sheet();
            assertThat(sheet.get(Indicator.VISIT_RATE).value().toPlainString()).as(code).isEqualTo(expected.get(code));
            assertThat(sheet.get(Indicator.VISIT_UNVISITED_3M).numerator()).as(code).isEqualTo(unvisited.get(code));
            assertThat(sheet.get(Indicator.VISIT_RATE).target()).as(code).isEqualByComparingTo("1.00");
            String scope = scope(code);
            scratch(scope, month).forEach((indicator, value) ->
                    assertThat(string(sheet.get(indicator).value())).as(code + " " + indicator).isEqualTo(value));
            assertThat(sheet.get(Indicator.VISIT_UNVISITED_3M).numerator()).as(code)
                    .isEqualTo(scratchUnvisited(scope, month));

            // the report of this month (from visit_month) agrees with the dashboard (from the roster)
            IndicatorSheet report = reports.build(regions.find(code).orElseThrow(), YearMonth.from(month)).sheet();
            for (Indicator indicator : List.of(Indicator.VISIT_ROSTER, Indicator.VISIT_RATE, Indicator.VISIT_RATE_HIGH,
                    Indicator.VISIT_RATE_MEDIUM, Indicator.VISIT_RATE_LOW, Indicator.VISIT_UNVISITED_3M)) {
                assertThat(string(report.get(indicator).value())).as(code + " report " + indicator)
                        .isEqualTo(string(sheet.get(indicator).value()));
            }
            // last month: h1 and m3 (the last day), not the visits of the first day of this month
            IndicatorSheet last = reports.build(regions.find(code).orElseThrow(), YearMonth.from(month.minusMonths(1)))
                    .sheet();
            scratch(scope, month.minusMonths(1)).forEach((indicator, value) ->
                    assertThat(string(last.get(indicator).value())).as(code + " last month " + indicator)
                            .isEqualTo(value));
        }
        IndicatorSheet c1 = dashboards.build(regions.find(C1).orElseThrow(), today).sheet();
        assertThat(c1.get(Indicator.VISIT_ROSTER).value()).isEqualByComparingTo("4");
        assertThat(c1.get(Indicator.VISIT_RATE_HIGH).value()).isEqualByComparingTo("1");
        assertThat(c1.get(Indicator.VISIT_RATE_MEDIUM).value()).isEqualByComparingTo("0.5");
        assertThat(c1.get(Indicator.VISIT_RATE_LOW).value()).isEqualByComparingTo("0");
        IndicatorSheet lastStreet = reports.build(regions.find(STREET).orElseThrow(),
                YearMonth.from(month.minusMonths(1))).sheet();
        assertThat(lastStreet.get(Indicator.VISIT_RATE).value()).isEqualByComparingTo("0.3333");   // h1, m3 of 6

        // the tally equals the aggregate of visit_month for every month and community
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT month, community_code, tier, count(*) FILTER (WHERE on_roster) AS rostered,
                                   count(*) FILTER (WHERE on_roster AND counted_visits > 0) AS visited
                            FROM visit_month GROUP BY 1, 2, 3) m
                        FULL JOIN (SELECT * FROM visit_rate_tally WHERE rostered <> 0 OR visited <> 0) t
                          USING (month, community_code, tier)
                        WHERE m.rostered IS DISTINCT FROM t.rostered OR m.visited IS DISTINCT FROM t.visited
                        """).query(Long.class).single()).isZero();
    }

    @Test
    void theDashboardShowsTheRateWithItsTargetAndDrillDownAndManagersSeeSmallCountsAsUnderFive() throws Exception {
        Document page = page("/dashboard/regions/" + DISTRICT, staff);
        assertThat(page.select("#indicator-table tr[data-indicator=VISIT_RATE] td").eachText())
                .startsWith("月探访率 本月至少有一次有效探访（见到老人）的探访对象 / 探访对象人数", "37.5%", "100.0%", "62.5%");
        assertThat(page.select("#visit-unit-table tr[data-region=" + STREET + "] td").eachText())
                .containsExactly("探访街道", "6", "33.3%", "100.0%", "33.3%", "0.0%", "3");
        assertThat(page.select("#visit-unit-table tr[data-region=" + STREET + "] a").attr("href"))
                .isEqualTo("/dashboard/regions/" + STREET);
        assertThat(page.select("#unvisited-table tr[data-community] td").eachText())
                .containsExactly("探访一社区", "2", "探访二社区", "1", "探访三社区", "1");

        // a manager: every count here is 1 to 4 people, or would give one away
        var manager = fixtures.as("vr.manager", "MANAGER", DISTRICT);
        Document managers = page("/dashboard/regions/" + DISTRICT, manager);
        assertThat(managers.select("#unvisited-table tr[data-community] td:eq(1)").eachText())
                .containsOnly("<5");
        assertThat(managers.select("#visit-unit-table tr[data-region=" + STREET2 + "] td[data-indicator=VISIT_ROSTER]")
                .text()).isEqualTo("<5");
        assertThat(managers.select("#visit-unit-table tr[data-region=" + STREET2 + "] td[data-indicator=VISIT_RATE]")
                .text()).isEqualTo("*");
        // the district's 8 would give the second street's 2 away from the first street's 6: one is withheld
        assertThat(managers.select("#visit-unit-table tr[data-region=" + STREET + "] td[data-indicator=VISIT_ROSTER]")
                .text()).isEqualTo("*");
        assertThat(managers.select("#suppression-note")).hasSize(1);

        // drill-down to a street lists its communities; in English too
        Document street = page("/dashboard/regions/" + STREET + "?lang=en", staff);
        assertThat(street.select("#visit-units .card-header").text()).isEqualTo("Monthly visit rate by risk tier");
        assertThat(street.select("#visit-unit-table tr[data-region=" + C1 + "] td").eachText())
                .containsExactly("探访一社区", "4", "50.0%", "100.0%", "50.0%", "0.0%", "2");
        assertThat(street.select("#indicator-table tr[data-indicator=VISIT_RATE] td").first().text())
                .startsWith("Monthly visit rate");
    }

    @Test
    void theMonthlyReportPageAndSpreadsheetShowTheRateAndTheUnvisited() throws Exception {
        Document report = page("/reports/monthly?region=" + DISTRICT, staff);
        assertThat(report.select("#report-indicators tr[data-indicator=VISIT_RATE] td").eachText())
                .startsWith("月探访率", "37.5%");
        assertThat(report.select("#report-visit-units tr[data-region=" + STREET2 + "] td").eachText())
                .containsExactly("探访二街道", "2", "50.0%", "100.0%", "0.0%", "—", "1");
        assertThat(report.select("#report-unvisited tr[data-community] td").eachText())
                .containsExactly("探访一社区", "2", "探访二社区", "1", "探访三社区", "1");

        byte[] xlsx = mvc.perform(get("/reports/monthly.xlsx").param("region", DISTRICT).with(staff))
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(5).headRowNumber(2).doReadSync();
        assertThat(rows).anySatisfy(row -> assertThat(java.util.Arrays.asList(row.get(0), row.get(1), row.get(2), row.get(6)))
                .containsExactly("探访率测试区", "8", "37.5%", "4"));
        assertThat(rows).anySatisfy(row -> assertThat(java.util.Arrays.asList(row.get(0), row.get(6)))
                .containsExactly("探访一社区", "2"));

        var manager = fixtures.as("vr.manager", "MANAGER", DISTRICT);
        byte[] managers = mvc.perform(get("/reports/monthly.xlsx").param("region", DISTRICT).with(manager))
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> hidden = FastExcel.read(new ByteArrayInputStream(managers)).sheet(5).headRowNumber(2).doReadSync();
        assertThat(hidden).anySatisfy(row -> assertThat(java.util.Arrays.asList(row.get(0), row.get(6)))
                .containsExactly("探访一社区", "<5"));
        assertThat(hidden).noneSatisfy(row -> assertThat(row.get(6)).isIn("1", "2", "3", "4"));
        Document managersPage = page("/reports/monthly?region=" + DISTRICT, manager);
        assertThat(managersPage.select("#report-unvisited tr[data-community] td:eq(1)").eachText()).containsOnly("<5");
    }

    private Document page(String path, RequestPostProcessor user) throws Exception {
        String[] parts = path.split("\\?");
        var request = get(parts[0]).with(user);
        if (parts.length > 1) {
            String[] kv = parts[1].split("=");
            request.param(kv[0], kv[1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private String scope(String code) {
        return code.substring(0, regions.find(code).orElseThrow().level().significantDigits()) + "%";
    }

    /**
     * The month's rate from scratch: elders with a roster row open at the end of the month (or today) and rostered by
     * then, and those with a visit that reached them dated in the month; by the roster row's tier.
     */
    private Map<Indicator, String> scratch(String scope, LocalDate first) {
        LocalDate next = first.plusMonths(1);
        Map<String, Object> p = Map.of("scope", scope, "first", first, "next", next);
        String rostered = """
                SELECT r.elder_id, r.tier FROM visit_roster r
                WHERE r.community_code LIKE :scope AND r.rostered_on < :next AND (r.left_on IS NULL OR r.left_on >= :next)
                """;
        String visited = rostered + """
                  AND EXISTS (SELECT 1 FROM visit v WHERE v.elder_id = r.elder_id AND v.reached
                              AND v.visited_on >= :first AND v.visited_on < :next)
                """;
        Map<Indicator, String> values = new java.util.EnumMap<>(Indicator.class);
        long all = number("SELECT count(*) FROM (" + rostered + ") x", p);
        values.put(Indicator.VISIT_ROSTER, Long.toString(all));
        values.put(Indicator.VISIT_RATE, ratio(number("SELECT count(*) FROM (" + visited + ") x", p), all));
        for (String tier : List.of("HIGH", "MEDIUM", "LOW")) {
            long of = number("SELECT count(*) FROM (" + rostered + ") x WHERE tier = '" + tier + "'", p);
            long seen = number("SELECT count(*) FROM (" + visited + ") x WHERE tier = '" + tier + "'", p);
            values.put(Indicator.valueOf("VISIT_RATE_" + tier), ratio(seen, of));
        }
        return values;
    }

    /** On the roster since before the month two months back and no visit reaching them since its first day. */
    private long scratchUnvisited(String scope, LocalDate first) {
        return number("""
                SELECT count(*) FROM visit_roster r
                WHERE r.community_code LIKE :scope AND r.left_on IS NULL AND r.rostered_on < :second
                  AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.elder_id = r.elder_id AND v.reached AND v.visited_on >= :since)
                """, Map.of("scope", scope, "second", first.minusMonths(1), "since", first.minusMonths(2)));
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "—" : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String string(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private long number(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
