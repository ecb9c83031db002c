package org.yinling.dashboard;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.idev.excel.FastExcel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pen-test finding D7: a manager recovered "&lt;5" cells by subtraction. This test plays that manager: it opens every
 * dashboard page and monthly report (page — which is also the print — and .xlsx) of a small district, reads what
 * each one shows, writes down every linear relation the page shows (a parent is the sum of its child rows; 60+, 65+,
 * 80+, 90+ and 100+ are sums of the age pyramid's bars; entitlements in all are the sum by policy and by child
 * region; a community in the care-gap list belongs to a street whose total is shown; this month = last month +
 * change), solves them with the bounds the marks give ("&lt;5": 1 to 4; "*" or a missing bar: 0 or more), and
 * asserts that no hidden cell comes out exactly. A percentage or rate whose count is hidden must be hidden too
 * (times its base, the registered population or the beds, it gives the count back).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SmallCountAttackTest {

    static final String D = "120108000000";
    static final String S1 = "120108001000";
    static final String S2 = "120108002000";
    static final String A = "120108001001";
    static final String B = "120108001002";
    static final String C = "120108002001";
    static final Map<String, String> NAMES = Map.of(D, "攻击测试区", S1, "攻一街道", S2, "攻二街道", A, "攻甲社区",
            B, "攻乙社区", C, "攻丙社区");
    static final Map<String, List<String>> COMMUNITIES = Map.of(S1, List.of(A, B), S2, List.of(C));
    static final long INF = Disclosure.INF;
    /** A bar the pyramid leaves out: a hidden count. */
    static final String BAR = "(no bar)";
    private static boolean created;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    DashboardFixtures fixtures;
    final LocalDate today = TestDates.today();

    /**
     * 甲: 20 women of 70 and 2 of 100; 乙: 3 men of 65; 丙: 5 men of 92 and 2 women of 101. Policy X has one
     * entitlement (in 乙), policy Y six (in 甲). So the district shows 60+ = 32, 90+ = 9, the 90–94 bar = 5, and hides
     * 100+ = 4; 甲's 80+ = 2 and 乙's 60+ = 3 are hidden beside shown totals.
     */
    @BeforeEach
    void smallDistrict() throws Exception {
        fixtures = new DashboardFixtures(mvc, jdbc, encoder);
        if (created) {
            return;
        }
        created = true;
        fixtures.region(D, null, NAMES.get(D), null, null);
        fixtures.region(S1, D, NAMES.get(S1), null, null);
        fixtures.region(S2, D, NAMES.get(S2), null, null);
        fixtures.region(A, S1, NAMES.get(A), "MAIN_URBAN", 1000);
        fixtures.region(B, S1, NAMES.get(B), "MAIN_URBAN", 100);
        fixtures.region(C, S2, NAMES.get(C), "VILLAGE", 500);
        List<Long> inA = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inA.add(fixtures.elder(A, "FEMALE", today.minusYears(70).minusDays(i), "NONE", null));
        }
        for (int i = 0; i < 2; i++) {
            fixtures.elder(A, "FEMALE", today.minusYears(100).minusDays(10 + i), "NONE", null);
        }
        long inB = 0;
        for (int i = 0; i < 3; i++) {
            inB = fixtures.elder(B, "MALE", today.minusYears(65).minusDays(5 + i), "NONE", null);
        }
        for (int i = 0; i < 5; i++) {
            fixtures.elder(C, "MALE", today.minusYears(92).minusDays(i), "NONE", null);
        }
        for (int i = 0; i < 2; i++) {
            fixtures.elder(C, "FEMALE", today.minusYears(101).minusDays(i), "NONE", null);
        }
        long x = fixtures.policy("AT_X", "AGE_ALLOWANCE", D);
        long y = fixtures.policy("AT_Y", "AGE_ALLOWANCE", D);
        fixtures.entitlement(inB, x, "AT_X", B, "100");
        for (int i = 0; i < 6; i++) {
            fixtures.entitlement(inA.get(i), y, "AT_Y", A, "100");
        }
    }

    @Test
    void noSuppressedCellOfAnyDashboardOrMonthlyReportCanBeWorkedOut() throws Exception {
        RequestPostProcessor manager = fixtures.as("at.manager", "MANAGER", D);
        int hidden = 0;
        for (String region : List.of(D, S1, S2, A, B, C)) {
            String html = mvc.perform(get("/dashboard/regions/" + region).with(manager)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            hidden += dashboard(region, html).assertNothingRecoverable();

            String report = mvc.perform(get("/reports/monthly").param("region", region).with(manager))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            hidden += reportPage(region, report).assertNothingRecoverable();

            byte[] xlsx = mvc.perform(get("/reports/monthly.xlsx").param("region", region).with(manager))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            hidden += reportWorkbook(region, xlsx).assertNothingRecoverable();
        }
        // the attack had something to attack: the district's 100+ and 乙's 60+ are hidden
        assertThat(hidden).isGreaterThan(10);
    }

    @Test
    void staffSeeEveryCountAsItIs() throws Exception {
        String html = mvc.perform(get("/dashboard/regions/" + D).with(fixtures.as("at.staff", "DISTRICT_STAFF", D)))
                .andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("#headline-ELDERS_100").text()).isEqualTo("4");
        assertThat(doc.selectFirst("#headline-ELDERS_60").text()).isEqualTo("32");
        assertThat(doc.select("#suppression-note")).isEmpty();
    }

    // ---- reading the pages ---------------------------------------------------------------------------------------

    private Reading dashboard(String region, String html) {
        Document doc = Jsoup.parse(html);
        Reading r = new Reading("dashboard " + region);
        for (Indicator indicator : Indicator.values()) {
            if (indicator.unit() != Indicator.Unit.PEOPLE) {
                continue;
            }
            Element headline = doc.selectFirst("#headline-" + indicator);
            if (headline != null) {
                r.cell("T:" + indicator, headline.text());
            }
            for (Element row : doc.select("tr[data-indicator=" + indicator + "]")) {
                r.cell("T:" + indicator, row.select("td").get(1).text());
            }
        }
        r.rate("T:ELDERS_60", doc.selectFirst("#headline-AGING_RATIO").text());
        for (String rate : List.of("AGING_RATIO", "BEDS_PER_THOUSAND", "INSTITUTION_BEDS_PER_THOUSAND")) {
            doc.select("tr[data-indicator=" + rate + "]").forEach(row -> r.rate("T:ELDERS_60", row.select("td").get(1).text()));
        }

        // the age pyramid: bars of men (negative) and women; a missing bar is a hidden one
        JsonNode pyramid = JsonMapper.builder().build().readTree(doc.selectFirst("#chart-pyramid").attr("data-chart"));
        for (int sex = 0; sex < 2; sex++) {
            JsonNode data = pyramid.get("series").get(sex).get("data");
            for (int i = 0; i < data.size(); i++) {
                r.cell("P:" + sex + ":" + i, data.get(i).isNull() ? BAR : Long.toString(Math.abs(data.get(i).asLong())));
            }
        }
        int[] from = {0, 1, 4, 6, 8};
        String[] ages = {"ELDERS_60", "ELDERS_65", "ELDERS_80", "ELDERS_90", "ELDERS_100"};
        for (int k = 0; k < ages.length; k++) {
            List<String> bars = new ArrayList<>();
            for (int i = from[k]; i < 9; i++) {
                bars.add("P:0:" + i);
                bars.add("P:1:" + i);
            }
            r.relation("T:" + ages[k], bars);
        }

        List<String> units = new ArrayList<>();
        for (Element row : doc.select("#unit-table tr.drill-row")) {
            String href = row.attr("data-href");
            String code = href.substring(href.lastIndexOf('/') + 1);
            units.add(code);
            List<Element> td = row.select("td");
            r.cell("U:" + code + ":ELDERS_60", td.get(1).text());
            r.cell("U:" + code + ":ELDERS_80", td.get(2).text());
            r.cell("U:" + code + ":ACTIVE_ENTITLEMENTS", td.get(10).text());
            r.rate("U:" + code + ":ELDERS_60", td.get(3).text());
            r.rate("U:" + code + ":ELDERS_60", td.get(4).text());
        }
        for (String column : List.of("ELDERS_60", "ELDERS_80", "ACTIVE_ENTITLEMENTS")) {
            r.relation("T:" + column, units.stream().map(code -> "U:" + code + ":" + column).toList());
        }

        List<String> policies = new ArrayList<>();
        for (Element row : doc.select("#policy-table tr")) {
            List<Element> td = row.select("td");
            if (td.size() == 3 && !td.get(1).text().equals("—")) {
                r.cell("E:" + td.get(0).text(), td.get(1).text());
                policies.add("E:" + td.get(0).text());
            }
        }
        r.relation("T:ACTIVE_ENTITLEMENTS", policies);

        // the care-gap list: a community is the page's region, one of its rows, or part of a street's row
        Map<String, List<String>> listedByStreet = new LinkedHashMap<>();
        for (Element row : doc.select("#gap-table tr")) {
            List<Element> td = row.select("td");
            if (td.isEmpty()) {
                continue;
            }
            String href = td.get(0).selectFirst("a").attr("href");
            String code = href.substring(href.lastIndexOf('/') + 1);
            String text = td.get(2).text();
            if (code.equals(region)) {
                r.cell("T:ELDERS_80", text);
            } else if (units.contains(code)) {
                r.cell("U:" + code + ":ELDERS_80", text);
            } else {
                r.cell("C:" + code, text);
                listedByStreet.computeIfAbsent(code.substring(0, 9) + "000", s -> new ArrayList<>()).add(code);
            }
        }
        listedByStreet.forEach((street, listed) -> {
            List<String> parts = new ArrayList<>();
            for (String community : COMMUNITIES.get(street)) {
                if (!listed.contains(community)) {
                    r.cell("C:" + community, null);                 // not on the page: any number
                }
                parts.add("C:" + community);
            }
            r.relation("U:" + street + ":ELDERS_80", parts);
        });
        for (Element row : doc.select("#staffing-table tr[data-level=STREET]")) {
            String street = row.attr("data-street");
            r.rate(street.equals(region) ? "T:ELDERS_60" : "U:" + street + ":ELDERS_60",
                    row.select("td").get(1).select("span").first().text());
        }
        return r;
    }

    private Reading reportPage(String region, String html) {
        Document doc = Jsoup.parse(html);
        Reading r = new Reading("monthly report " + region);
        List<List<String>> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<Element> td = doc.selectFirst("#report-indicators tr[data-indicator=" + indicator + "]").select("td");
            indicators.add(List.of(td.get(1).text(), td.get(2).text(), td.get(3).text()));
        }
        List<List<String>> units = new ArrayList<>();
        for (Element row : doc.select("#report-units tr")) {
            List<Element> td = row.select("td");
            if (!td.isEmpty()) {
                units.add(td.stream().map(Element::text).toList());
            }
        }
        return report(r, indicators, units);
    }

    private Reading reportWorkbook(String region, byte[] xlsx) {
        Reading r = new Reading("monthly report .xlsx " + region);
        List<Map<Integer, String>> sheet = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(2).doReadSync();
        List<List<String>> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            Map<Integer, String> row = sheet.get(indicator.ordinal());
            indicators.add(List.of(text(row.get(1)), text(row.get(2)), text(row.get(3))));
        }
        List<List<String>> units = new ArrayList<>();
        for (Map<Integer, String> row : FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(1).headRowNumber(2).<Map<Integer, String>>doReadSync()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i <= 6; i++) {
                cells.add(text(row.get(i)));
            }
            units.add(cells);
        }
        return report(r, indicators, units);
    }

    private static String text(String cell) {
        return cell == null ? "" : cell.strip();
    }

    /** The report's relations: this month = last month + change, and the child rows add up to the region. */
    private Reading report(Reading r, List<List<String>> indicators, List<List<String>> units) {
        for (Indicator indicator : Indicator.values()) {
            List<String> row = indicators.get(indicator.ordinal());
            if (indicator.unit() == Indicator.Unit.PEOPLE) {
                r.cell("T:" + indicator, row.get(0));
                r.cell("B:" + indicator, row.get(1));
                if (!row.get(2).isBlank()) {
                    r.cell("D:" + indicator, row.get(2).replace("+", ""));
                    r.relation("T:" + indicator, List.of("B:" + indicator, "D:" + indicator));
                }
            } else if (!row.get(2).isBlank()) {
                // a change beside a hidden value gives it back (last month + change)
                r.rateChange(row.get(0), row.get(1), row.get(2));
            }
        }
        for (String rate : List.of("AGING_RATIO", "BEDS_PER_THOUSAND", "INSTITUTION_BEDS_PER_THOUSAND")) {
            List<String> row = indicators.get(Indicator.valueOf(rate).ordinal());
            r.rate("T:ELDERS_60", row.get(0));
            r.rate("B:ELDERS_60", row.get(1));
        }
        List<String> codes = new ArrayList<>();
        for (List<String> row : units) {
            String code = NAMES.entrySet().stream().filter(e -> e.getValue().equals(row.get(0))).findFirst()
                    .orElseThrow().getKey();
            codes.add(code);
            r.cell("U:" + code + ":ELDERS_60", row.get(1));
            r.cell("U:" + code + ":ELDERS_80", row.get(2));
            r.rate("U:" + code + ":ELDERS_60", row.get(3));
            r.cell("U:" + code + ":ACTIVE_ENTITLEMENTS", row.get(5));
        }
        for (String column : List.of("ELDERS_60", "ELDERS_80", "ACTIVE_ENTITLEMENTS")) {
            r.relation("T:" + column, codes.stream().map(code -> "U:" + code + ":" + column).toList());
        }
        return r;
    }

    // ---- the attack ----------------------------------------------------------------------------------------------

    /** What one page shows: cells (text as shown; null for a missing bar or an unlisted community) and relations. */
    static final class Reading {

        private final String page;
        private final Map<String, String> cells = new LinkedHashMap<>();
        private final List<Map<String, Integer>> relations = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Reading(String page) {
            this.page = page;
        }

        void cell(String id, String text) {
            if (cells.containsKey(id) && !java.util.Objects.equals(cells.get(id), text)) {
                problems.add(id + " shown as " + cells.get(id) + " and as " + text);
            }
            cells.putIfAbsent(id, text);
        }

        void relation(String total, List<String> parts) {
            if (parts.isEmpty()) {
                return;
            }
            Map<String, Integer> relation = new LinkedHashMap<>();
            relation.merge(total, 1, Integer::sum);
            parts.forEach(p -> relation.merge(p, -1, Integer::sum));
            relations.add(relation);
        }

        /** A percentage or rate computed from a count: shown beside a hidden count, it gives the count back. */
        private final List<String[]> rates = new ArrayList<>();

        void rate(String count, String rateText) {
            rates.add(new String[] {count, rateText});
        }

        void rateChange(String now, String before, String change) {
            if (hidden(now) || hidden(before)) {
                problems.add("a change " + change + " beside a hidden value (" + now + ", " + before + ")");
            }
        }

        private static boolean hidden(String text) {
            return text == null || text.equals("*") || text.equals(BAR) || text.startsWith("<");
        }

        private static boolean numeric(String text) {
            return text != null && text.matches("[+-]?[0-9,]+(\\.[0-9]+)?%?");
        }

        /** Runs the attack; returns how many cells the page hides. */
        int assertNothingRecoverable() {
            Map<String, Long> shown = new LinkedHashMap<>();
            Map<String, long[]> unknown = new LinkedHashMap<>();
            cells.forEach((id, text) -> {
                if (text == null || text.equals("*") || text.equals(BAR)) {
                    unknown.put(id, new long[] {0, INF});
                } else if (text.startsWith("<")) {
                    unknown.put(id, new long[] {1, Long.parseLong(text.substring(1)) - 1});
                } else if (numeric(text)) {
                    shown.put(id, Long.parseLong(text.replace(",", "")));
                } else {
                    problems.add(id + " reads " + text);
                }
            });
            for (String[] rate : rates) {
                if (unknown.containsKey(rate[0]) && numeric(rate[1])) {
                    problems.add("a rate " + rate[1] + " beside the hidden count " + rate[0]);
                }
            }
            // every relation with exactly one unknown: plain subtraction
            for (Map<String, Integer> relation : relations) {
                List<String> open = relation.keySet().stream().filter(unknown::containsKey).toList();
                if (open.size() == 1 && relation.keySet().stream().allMatch(id -> shown.containsKey(id) || unknown.containsKey(id))) {
                    problems.add(open.get(0) + " by subtraction in " + relation.keySet());
                }
            }
            // and everything together, with bounds (sums and differences of relations, linear algebra)
            Disclosure.Attack attack = new Disclosure.Attack(shown, unknown, relations);
            Set<String> recovered = attack.recovered();
            cells.forEach((id, text) -> {
                // a hidden cell of the page; or a community the page does not list, if it comes out as 1 to 4
                long[] bounds = attack.bounds(id);
                boolean small = bounds != null && bounds[0] == bounds[1] && bounds[0] > 0 && bounds[0] < 5;
                if (recovered.contains(id) && (text != null || small)) {
                    problems.add(id + " (" + text + ") recovered from " + relations.size() + " relations");
                }
            });
            assertThat(problems).as(page + " gives away hidden counts; cells " + cells).isEmpty();
            return (int) cells.values().stream().filter(t -> t != null && hidden(t)).count();
        }
    }
}
