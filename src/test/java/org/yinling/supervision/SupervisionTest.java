package org.yinling.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 23's first part as users meet it: checklist versions, a street inspector's inspection with failed items that
 * become findings with deadlines by severity (per region), the follow-up to closure, and the bad input of the issue
 * (an institution outside the region, a second open inspection the same day, a deadline in the past, closing without
 * evidence): a clear message and nothing written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class SupervisionTest {

    static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long home;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('督查测试颐养院', 'PRIVATE_HOME', 'PRIVATE', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
    }

    private long item(int version, int position) {
        return jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                        WHERE c.version = ? AND it.position = ?
                        """).params(version, position).query(Long.class).single();
    }

    private List<Long> itemsOf(long inspection) {
        return jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_inspection s ON s.checklist_id = it.checklist_id
                        WHERE s.id = ? ORDER BY it.position
                        """).param(inspection).query(Long.class).list();
    }

    private long start(String user) throws Exception {
        String location = mvc.perform(post("/supervision/inspections").with(as(user)).with(csrf())
                        .param("institutionId", Long.toString(home)))
                .andExpect(redirectedUrlPattern("/supervision/inspections/*")).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Every item passes except those failed. */
    private MockHttpServletRequestBuilder submit(long inspection, String representative, long... failed) {
        MockHttpServletRequestBuilder request = post("/supervision/inspections/{id}", inspection).with(as("street"))
                .with(csrf()).param("inspectorName", "王检查").param("representativeName", representative);
        for (long item : itemsOf(inspection)) {
            boolean fails = java.util.Arrays.stream(failed).anyMatch(f -> f == item);
            request.param("outcome_" + item, fails ? "FAIL" : "PASS");
            if (fails) {
                request.param("note_" + item, "问题" + item);
            }
        }
        return request;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void theDefaultChecklistCoversTheNineCareRisksAndANewVersionAppliesFromItsDate() throws Exception {
        mvc.perform(get("/supervision/checklists").with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("防噎食")))
                .andExpect(content().string(containsString("防走失")))
                .andExpect(content().string(containsString("消防安全")))
                .andExpect(content().string(not(containsString("FIRE"))));
        assertThat(count("SELECT count(*) FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id WHERE c.version = 1 AND it.area = 'CARE'"))
                .isEqualTo(9);
        int before = count("SELECT count(*) FROM supervision_checklist");
        int latest = count("SELECT max(version) FROM supervision_checklist");

        // a date not after today is refused with the form kept
        mvc.perform(post("/supervision/checklists").with(as("district")).with(csrf())
                        .param("effectiveFrom", today.toString())
                        .param("rows[0].area", "FIRE").param("rows[0].nameZh", "新消防项").param("rows[0].nameEn", "New fire item")
                        .param("rows[0].severity", "RED"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("生效日期最早为")))
                .andExpect(content().string(containsString("新消防项")));
        assertThat(count("SELECT count(*) FROM supervision_checklist")).isEqualTo(before);

        LocalDate from = today.plusDays(30);
        mvc.perform(post("/supervision/checklists").with(as("district")).with(csrf())
                        .param("effectiveFrom", from.toString())
                        .param("rows[0].area", "FIRE").param("rows[0].nameZh", "新消防项").param("rows[0].nameEn", "New fire item")
                        .param("rows[0].severity", "RED")
                        .param("rows[1].area", "FOOD").param("rows[1].nameZh", "").param("rows[1].nameEn", ""))
                .andExpect(redirectedUrlPattern("/supervision/checklists?version=*"));
        assertThat(count("SELECT count(*) FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id WHERE c.version = ?", latest + 1))
                .isEqualTo(1);
        mvc.perform(get("/supervision/checklists").param("version", Integer.toString(latest + 1)).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新消防项")));
        // today's inspection still uses the version in force today, and keeps it
        long inspection = start("street");
        assertThat(count("SELECT c.version FROM supervision_inspection s JOIN supervision_checklist c ON c.id = s.checklist_id WHERE s.id = ?", inspection))
                .isEqualTo(latest);
        mvc.perform(get("/supervision/inspections/{id}", inspection).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("新消防项"))));
        // streets read the checklist but do not issue versions
        mvc.perform(get("/supervision/checklists/new").with(as("street"))).andExpect(status().isForbidden());
    }

    @Test
    void failedItemsBecomeFindingsWithDeadlinesBySeverityAndAreFollowedToClosure() throws Exception {
        mvc.perform(get("/supervision/inspections").with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("督查测试颐养院")));
        long inspection = start("street");

        // a second open inspection of the same institution on the same day is refused
        mvc.perform(post("/supervision/inspections").with(as("district")).with(csrf()).param("institutionId", Long.toString(home)))
                .andExpect(flash().attribute("flashError", "supervision.inspection.error.openSameDay"));
        assertThat(count("SELECT count(*) FROM supervision_inspection WHERE institution_id = ?", home)).isEqualTo(1);

        long red = item(1, 10);
        long orange = item(1, 12);
        // without the representative's name: the form again, nothing written
        mvc.perform(submit(inspection, " ", red, orange))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写机构负责人姓名")))
                .andExpect(content().string(containsString("问题" + red)));
        assertThat(count("SELECT count(*) FROM supervision_result WHERE inspection_id = ?", inspection)).isZero();
        assertThat(count("SELECT count(*) FROM supervision_finding WHERE inspection_id = ?", inspection)).isZero();

        mvc.perform(submit(inspection, "李院长", red, orange))
                .andExpect(redirectedUrlPattern("/supervision/inspections/*"));
        OffsetDateTime submitted = jdbc.sql("SELECT submitted_at FROM supervision_inspection WHERE id = ?").param(inspection)
                .query(OffsetDateTime.class).single();
        OffsetDateTime redDeadline = deadline(inspection, red);
        assertThat(ChronoUnit.HOURS.between(submitted, redDeadline)).isEqualTo(24);
        assertThat(deadline(inspection, orange).atZoneSameInstant(TestDates.ZONE).toLocalDate())
                .isEqualTo(submitted.atZoneSameInstant(TestDates.ZONE).toLocalDate().plusDays(3));
        assertThat(count("SELECT count(*) FROM supervision_finding WHERE inspection_id = ?", inspection)).isEqualTo(2);
        // submitted once only
        mvc.perform(submit(inspection, "李院长")).andExpect(status().isOk())
                .andExpect(content().string(containsString("该检查已提交")));

        long finding = jdbc.sql("SELECT id FROM supervision_finding WHERE inspection_id = ? AND item_id = ?")
                .params(inspection, red).query(Long.class).single();
        mvc.perform(get("/supervision/findings").param("show", "OPEN").with(as("district")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("督查测试颐养院")));

        // closing without a rectification note is refused
        mvc.perform(post("/supervision/findings/{id}/close", finding).with(as("district")).with(csrf()).param("recheck", "已复查"))
                .andExpect(flash().attribute("flashError", "supervision.finding.error.noEvidence"));
        assertThat(closed(finding)).isFalse();
        // a deadline in the past is refused
        mvc.perform(post("/supervision/findings/{id}/deadline", finding).with(as("street")).with(csrf())
                        .param("deadline", today.minusDays(1).atTime(9, 0).toString()))
                .andExpect(flash().attribute("flashError", "supervision.finding.error.deadlinePast"));
        assertThat(deadline(inspection, red)).isEqualTo(redDeadline);

        // overdue: listed for the street and the district, counted on the institution's page
        jdbc.sql("UPDATE supervision_finding SET deadline = now() - interval '1 hour' WHERE id = ?").param(finding).update();
        for (String user : new String[] {"street", "district"}) {
            mvc.perform(get("/supervision/findings").with(as(user)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("data-finding=\"" + finding + "\"")));
        }
        mvc.perform(get("/institutions/{id}", home).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("逾期 1 项")))
                .andExpect(content().string(containsString("未销号整改 2 项")));

        mvc.perform(post("/supervision/findings/{id}/rectification", finding).with(as("street")).with(csrf())
                        .param("rectification", "已更换灭火器，附照片编号 17"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        // a re-check that finds it not put right: open again, its rectification cleared, so it cannot be closed yet
        mvc.perform(post("/supervision/findings/{id}/recheck-failed", finding).with(as("district")).with(csrf())
                        .param("recheck", "灭火器压力不足"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.recheckFailedDone"));
        mvc.perform(post("/supervision/findings/{id}/close", finding).with(as("district")).with(csrf()).param("recheck", "复查合格"))
                .andExpect(flash().attribute("flashError", "supervision.finding.error.noEvidence"));
        mvc.perform(get("/supervision/findings/{id}", finding).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("灭火器压力不足")));
        mvc.perform(post("/supervision/findings/{id}/rectification", finding).with(as("street")).with(csrf())
                        .param("rectification", "已更换为合格灭火器"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        // a note alone is no evidence (the institution manager's part: an evidence file)
        mvc.perform(post("/supervision/findings/{id}/close", finding).with(as("district")).with(csrf()).param("recheck", "复查合格"))
                .andExpect(flash().attribute("flashError", "instmgr.finding.error.noEvidenceFile"));
        assertThat(closed(finding)).isFalse();
        mvc.perform(multipart("/supervision/findings/{id}/rectification", finding)
                        .file(new MockMultipartFile("evidence", "灭火器.png", "image/png", InstitutionManagerTest.PNG))
                        .with(as("street")).with(csrf()).param("rectification", "已更换为合格灭火器，附照片"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        mvc.perform(post("/supervision/findings/{id}/close", finding).with(as("district")).with(csrf()).param("recheck", "复查合格"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.closed"));
        assertThat(closed(finding)).isTrue();
        mvc.perform(get("/institutions/{id}", home).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("逾期 0 项")));
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_FINDING_CLOSED' AND entity_id = ?", Long.toString(finding)))
                .isEqualTo(1);
    }

    @Test
    void aRegionsOwnDeadlineRuleWins() throws Exception {
        jdbc.sql("""
                INSERT INTO supervision_deadline (region_prefix, severity, amount, unit, effective_from, created_by)
                VALUES ('330105', 'ORANGE', 5, 'DAYS', ?, 'test')
                """).param(today.minusDays(1)).update();
        long inspection = start("district");
        long orange = item(1, 12);
        mvc.perform(submit(inspection, "李院长", orange).with(as("district")))
                .andExpect(redirectedUrlPattern("/supervision/inspections/*"));
        OffsetDateTime submitted = jdbc.sql("SELECT submitted_at FROM supervision_inspection WHERE id = ?").param(inspection)
                .query(OffsetDateTime.class).single();
        assertThat(deadline(inspection, orange).atZoneSameInstant(TestDates.ZONE).toLocalDate())
                .isEqualTo(submitted.atZoneSameInstant(TestDates.ZONE).toLocalDate().plusDays(5));
    }

    @Test
    void anInstitutionOutsideTheRegionIsNotFound() throws Exception {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('supervision.otherstreet', '祥符街道检查', '{noop}x', 'STREET_REVIEWER', '330105002000')
                """).update();
        mvc.perform(post("/supervision/inspections").with(as("supervision.otherstreet")).with(csrf())
                        .param("institutionId", Long.toString(home)))
                .andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM supervision_inspection WHERE institution_id = ?", home)).isZero();
        long inspection = start("street");
        mvc.perform(get("/supervision/inspections/{id}", inspection).with(as("supervision.otherstreet")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/supervision/inspections").with(as("supervision.otherstreet")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("督查测试颐养院"))));
        // community clerks and providers do not reach supervision
        mvc.perform(get("/supervision/inspections").with(as("community"))).andExpect(status().isForbidden());
    }

    private OffsetDateTime deadline(long inspection, long item) {
        return jdbc.sql("SELECT deadline FROM supervision_finding WHERE inspection_id = ? AND item_id = ?")
                .params(inspection, item).query(OffsetDateTime.class).single();
    }

    private boolean closed(long finding) {
        return jdbc.sql("SELECT closed_at IS NOT NULL FROM supervision_finding WHERE id = ?").param(finding)
                .query(Boolean.class).single();
    }
}
