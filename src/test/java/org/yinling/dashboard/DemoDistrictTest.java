package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo district looks like a district at work (issue 20 §8): on today's dashboard and in last month's monthly
 * report, meal points serve communities and were paid for meals, elders' subsidies were paid, and about a fifth of
 * the registered population is 60 or older.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoDistrictTest {

    static final String DISTRICT = "330105000000";

    @Autowired
    DashboardService dashboards;
    @Autowired
    MonthlyReports reports;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void todaysDashboardShowsMealsPaidSubsidiesAndARealisticAgeingRatio() {
        Dashboard dashboard = dashboards.build(district(), TestDates.today());

        // other tests of the shared database add elders and communities (with their population) to the demo district,
        // so the page's ratio is checked for being there, and the demo's own ratio is checked on its own communities
        assertThat(ratio(dashboard.sheet(), Indicator.AGING_RATIO)).isPositive();
        assertThat(demoRatio()).isBetween(0.15, 0.25);
        assertThat(ratio(dashboard.sheet(), Indicator.MEAL_POINT_COVERAGE)).isPositive();
        assertThat(dashboard.total().spendingByPolicy.getOrDefault("GAOLING", BigDecimal.ZERO)).isPositive();
        assertThat(dashboard.total().spendingByPolicy.getOrDefault("MEAL", BigDecimal.ZERO)).isPositive();
        assertThat(dashboard.sheet().get(Indicator.ACTIVE_ENTITLEMENTS).value()).isPositive();
        // this month's meals so far (unless today is the first), and last month's in full
        assertThat(meals(TestDates.thisMonth().minusMonths(1))).isGreaterThan(1_000);
    }

    @Test
    void lastMonthsReportShowsMealsPaidSubsidiesAndARealisticAgeingRatio() {
        YearMonth lastMonth = TestDates.thisMonth().minusMonths(1);
        MonthlyReport report = reports.build(district(), lastMonth);

        // the demo's elders are registered a year back: last month's and the month before's reports count them
        assertThat(ratio(report.sheet(), Indicator.AGING_RATIO)).isPositive();
        assertThat(ratio(report.previous(), Indicator.AGING_RATIO)).isPositive();
        assertThat(ratio(report.sheet(), Indicator.MEAL_POINT_COVERAGE)).isPositive();
        assertThat(report.sheet().get(Indicator.BEDS_PER_THOUSAND).value()).isPositive();
        assertThat(report.sheet().get(Indicator.ACTIVE_ENTITLEMENTS).value()).isPositive();
        assertThat(paid(report, "GAOLING")).isPositive();
        assertThat(paid(report, "MEAL")).as("meal points paid for the month before's meals").isPositive();
        // the batch of last month was paid: every line settled
        assertThat(jdbc.sql("""
                        SELECT b.state || ':' || count(l.id) FILTER (WHERE l.status <> 'PAID')
                        FROM payment_batch b JOIN payment_line l ON l.batch_id = b.id
                        WHERE b.region_code = :district AND b.month = :month GROUP BY b.state
                        """)
                .param("district", DISTRICT).param("month", lastMonth.atDay(1)).query(String.class).single())
                .isEqualTo("SETTLED:0");
    }

    @Test
    void theReportPageShowsThePaidSubsidyAndTheMealPayments() throws Exception {
        YearMonth lastMonth = TestDates.thisMonth().minusMonths(1);
        String page = mvc.perform(get("/reports/monthly").param("region", DISTRICT).param("month", lastMonth.toString())
                        .with(TestUsers.as("district")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("高龄津贴");
        mvc.perform(get("/dashboard").with(TestUsers.as("district"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("高龄津贴")));
    }

    private RegionView district() {
        return regions.find(DISTRICT).orElseThrow();
    }

    private long meals(YearMonth month) {
        return jdbc.sql("""
                        SELECT count(*) FROM meal m JOIN meal_point p ON p.id = m.meal_point_id
                        WHERE p.community_code LIKE '330105%' AND m.served_on BETWEEN :from AND :to
                        """)
                .param("from", month.atDay(1)).param("to", month.atEndOfMonth()).query(Long.class).single();
    }

    private static double ratio(IndicatorSheet sheet, Indicator indicator) {
        IndicatorValue value = sheet.get(indicator);
        assertThat(value.denominator()).as(indicator + " denominator").isPositive();
        return (double) value.numerator() / value.denominator();
    }

    private static BigDecimal paid(MonthlyReport report, String policy) {
        return report.payments().stream().filter(p -> p.policy().equals(policy)).map(MonthlyReport.Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Active demo elders over the registered population of the demo's own communities. */
    private double demoRatio() {
        return jdbc.sql("""
                        SELECT CAST((SELECT count(*) FROM elder e JOIN region r ON r.code = e.community_code AND r.demo
                                     WHERE e.demo AND e.hukou_local AND e.life_status = 'ACTIVE') AS double precision)
                             / (SELECT sum(registered_population) FROM region WHERE demo AND level = 'COMMUNITY'
                                  AND code LIKE '330105%')
                        """).query(Double.class).single();
    }
}
