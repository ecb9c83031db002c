package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23 §8 on a known data set in a district of its own: inspection coverage this calendar year (a closed
 * institution, one inspected only last year and one with an inspection not submitted do not count as inspected),
 * open and overdue findings by severity, incidents this year per 100 beds; on the dashboard by region (with the
 * coverage target) and in the monthly report.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionIndicatorsTest {

    static final String DISTRICT = "120125000000";
    static final String S1 = "120125001000";
    static final String C1 = "120125001001";
    static final String C2 = "120125001002";
    static final String S2 = "120125002000";
    static final String C3 = "120125002001";
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
    Regions regions;

    DashboardFixtures fixtures;
    final LocalDate today = TestDates.today();
    RequestPostProcessor staff;

    @BeforeEach
    void knownDistrict() throws Exception {
        fixtures = new DashboardFixtures(mvc, jdbc, encoder);
        fixtures.region(DISTRICT, null, "监督指标测试区", null, null);
        staff = fixtures.as("si.district", "DISTRICT_STAFF", DISTRICT);
        if (created) {
            return;
        }
        created = true;
        fixtures.region(S1, DISTRICT, "监督一街道", null, null);
        fixtures.region(C1, S1, "监督一社区", "MAIN_URBAN", 100);
        fixtures.region(C2, S1, "监督二社区", "MAIN_URBAN", 100);
        fixtures.region(S2, DISTRICT, "监督二街道", null, null);
        fixtures.region(C3, S2, "监督三社区", "MAIN_URBAN", 100);
        long a = fixtures.institution(C1, "PRIVATE_HOME", "PRIVATE", 40, 0);
        long b = fixtures.institution(C1, "PRIVATE_HOME", "PRIVATE", 10, 0);
        long c = fixtures.institution(C2, "PRIVATE_HOME", "PRIVATE", 50, 0);
        long d = fixtures.institution(C3, "PRIVATE_HOME", "PRIVATE", 20, 0);
        long closed = fixtures.institution(C3, "PRIVATE_HOME", "PRIVATE", 0, 0);
        jdbc.sql("UPDATE institution SET status = 'CLOSED' WHERE id = ?").param(closed).update();

        LocalDate yearStart = today.withDayOfYear(1);
        long inspA = inspection(a, today, true);
        inspection(b, yearStart.minusDays(1), true);             // last year only
        long inspC = inspection(c, yearStart, true);             // 1 January counts
        inspection(d, today, false);                             // under way, not submitted
        inspection(closed, today, true);                         // closed: not in the count at all

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        finding(inspA, a, 11, "RED", now.minusDays(2), now.minusDays(1), null);            // open, overdue
        finding(inspA, a, 12, "ORANGE", now.minusHours(1), now.plusDays(3), null);         // open
        finding(inspA, a, 21, "YELLOW", now.minusDays(3), now.minusDays(1), now.minusDays(2)); // closed
        finding(inspC, c, 50, "BLUE", now.minusDays(20), now.minusDays(5), null);          // open, overdue

        OffsetDateTime thisYear = yearStart.atStartOfDay(TestDates.ZONE).toOffsetDateTime().plusSeconds(1);
        incident(a, thisYear);
        incident(a, thisYear);
        incident(d, thisYear);
        incident(b, thisYear.minusDays(1));                      // last year
    }

    private long inspection(long institution, LocalDate on, boolean submitted) {
        return jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status, inspector_name,
                            representative_name, submitted_at, created_by)
                        SELECT ?, c.id, ?, ?, '检查员', '院长', CASE WHEN ? THEN now() END, 'test'
                        FROM supervision_checklist c WHERE c.version = 1 RETURNING id
                        """).params(institution, on, submitted ? "SUBMITTED" : "OPEN", submitted)
                .query(Long.class).single();
    }

    private void finding(long inspection, long institution, int position, String severity, OffsetDateTime found,
                         OffsetDateTime deadline, OffsetDateTime closedAt) {
        jdbc.sql("""
                INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, found_at, deadline,
                    rectification, rectified_at, rectified_by, closed_at, closed_by)
                SELECT ?, it.id, ?, ?, ?, ?, CASE WHEN CAST(? AS timestamptz) IS NOT NULL THEN '已整改' END, ?,
                       CASE WHEN CAST(? AS timestamptz) IS NOT NULL THEN 'test' END, ?,
                       CASE WHEN CAST(? AS timestamptz) IS NOT NULL THEN 'test' END
                FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                WHERE c.version = 1 AND it.position = ?
                """).params(inspection, institution, severity, found, deadline, closedAt, closedAt, closedAt, closedAt,
                closedAt, position).update();
    }

    private void incident(long institution, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO supervision_incident (institution_id, kind, occurred_at, residents, outcome, reported_by)
                VALUES (?, 'FALL', ?, '住养老人', '已处置', 'test')
                """).params(institution, at).update();
    }

    private BigDecimal value(String region, Indicator indicator) {
        return dashboards.build(regions.find(region).orElseThrow(), today).sheet().get(indicator).value();
    }

    @Test
    void coverageFindingsAndIncidentsByRegionEqualTheKnownFigures() {
        assertThat(value(DISTRICT, Indicator.INSPECTION_COVERAGE)).isEqualByComparingTo("0.5");
        assertThat(value(S1, Indicator.INSPECTION_COVERAGE)).isEqualByComparingTo("0.6667");
        assertThat(value(S2, Indicator.INSPECTION_COVERAGE)).isEqualByComparingTo("0");
        assertThat(value(C2, Indicator.INSPECTION_COVERAGE)).isEqualByComparingTo("1");

        assertThat(value(DISTRICT, Indicator.FINDINGS_OPEN)).isEqualByComparingTo("3");
        assertThat(value(DISTRICT, Indicator.FINDINGS_OPEN_RED)).isEqualByComparingTo("1");
        assertThat(value(DISTRICT, Indicator.FINDINGS_OVERDUE)).isEqualByComparingTo("2");
        assertThat(value(DISTRICT, Indicator.FINDINGS_OVERDUE_RED)).isEqualByComparingTo("1");
        assertThat(value(C2, Indicator.FINDINGS_OVERDUE)).isEqualByComparingTo("1");
        assertThat(value(S2, Indicator.FINDINGS_OPEN)).isEqualByComparingTo("0");

        assertThat(value(DISTRICT, Indicator.INCIDENTS_YEAR)).isEqualByComparingTo("3");
        // 3 incidents × 100 / 120 beds (the closed institution's count for nothing)
        assertThat(value(DISTRICT, Indicator.INCIDENTS_PER_100_BEDS)).isEqualByComparingTo("2.5");
        assertThat(value(S1, Indicator.INCIDENTS_PER_100_BEDS)).isEqualByComparingTo("2.0");
        assertThat(value(S2, Indicator.INCIDENTS_PER_100_BEDS)).isEqualByComparingTo("5.0");

        // the coverage has the yearly target of 100 %, from the targets' data
        IndicatorValue coverage = dashboards.build(regions.find(DISTRICT).orElseThrow(), today).sheet()
                .get(Indicator.INSPECTION_COVERAGE);
        assertThat(coverage.target()).isEqualByComparingTo("1");
        assertThat(coverage.status()).isNotEqualTo(TargetStatus.NONE);
    }

    @Test
    void theDashboardCardAndTheMonthlyReportShowThemByRegion() throws Exception {
        mvc.perform(get("/dashboard/regions/{code}", DISTRICT).with(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supervision-indicators\"")))
                .andExpect(content().string(containsString("id=\"supervision-unit-table\"")))
                .andExpect(content().string(containsString("监督检查覆盖率")))
                .andExpect(content().string(containsString("2 / 4")))
                .andExpect(content().string(containsString("50.0%")))
                .andExpect(content().string(containsString("66.7%")));
        mvc.perform(get("/dashboard/regions/{code}", C3).with(staff).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Inspection coverage")))
                .andExpect(content().string(containsString("0 / 1")))
                .andExpect(content().string(not(containsString("id=\"supervision-unit-table\""))));
        // a community clerk's dashboard has no supervision card
        mvc.perform(get("/dashboard/regions/{code}", C1).with(fixtures.as("si.clerk", "COMMUNITY_CLERK", C1)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"supervision-indicators\""))));
        mvc.perform(get("/reports/monthly").param("region", DISTRICT).with(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-supervision\"")))
                .andExpect(content().string(containsString("每百张床位安全事件")))
                .andExpect(content().string(containsString("2.5")));
        mvc.perform(get("/reports/monthly.xlsx").param("region", DISTRICT).with(staff))
                .andExpect(status().isOk());
    }
}
