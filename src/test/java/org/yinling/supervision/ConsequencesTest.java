package org.yinling.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 23 §7 and §3 as the district meets them: admissions paused by an open red finding (from the waiting list, or
 * all, as the setting says; allowed again once the finding is closed), the settings page (versions, validation,
 * district only), and the deadline data's page (a new version applies to findings recorded from its date, existing
 * findings keep theirs; validation) with the deadline arithmetic in calendar time across weekends and month ends.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ConsequencesTest {

    static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SupervisionStore store;

    long home;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('后果测试福利院', 'PUBLIC_HOME', 'PUBLIC', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
        jdbc.sql("INSERT INTO bed (institution_id, room, label) SELECT ?, '1', 'B' || g FROM generate_series(1, 4) g")
                .param(home).update();
    }

    private long bed(int n) {
        return jdbc.sql("SELECT id FROM bed WHERE institution_id = ? AND label = ?").params(home, "B" + n)
                .query(Long.class).single();
    }

    private String elder(String name, int n) {
        String residentId = "11010519400303" + "%03d".formatted(n) + "X";
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, capability_level, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-03-03', TRUE, ?, 'ALONE', 'NONE', 2, 'test', 'test')
                        """).params(residentId, name, LANTIAN).update();
        return residentId;
    }

    private long waiting(String residentId) throws Exception {
        mvc.perform(post("/waiting-list/{i}", home).param("residentId", residentId).param("appliedOn", "2026-01-01")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.registered"));
        return jdbc.sql("SELECT w.id FROM waiting_application w JOIN elder e ON e.id = w.elder_id WHERE e.resident_id = ?")
                .param(residentId).query(Long.class).single();
    }

    /** A red finding of a submitted inspection (escape routes), found an hour ago. */
    private long redFinding() {
        long item = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                        WHERE c.version = 1 AND it.position = 11
                        """).query(Long.class).single();
        OffsetDateTime found = OffsetDateTime.now().minusHours(1);
        long inspection = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status, inspector_name,
                            representative_name, submitted_at, created_by)
                        SELECT ?, checklist_id, ?, 'SUBMITTED', '检查员', '院长', ?, 'test'
                        FROM supervision_checklist_item WHERE id = ? RETURNING id
                        """).params(home, today, found, item).query(Long.class).single();
        jdbc.sql("INSERT INTO supervision_result (inspection_id, item_id, outcome, note) VALUES (?, ?, 'FAIL', '堵塞')")
                .params(inspection, item).update();
        return jdbc.sql("""
                        INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                        VALUES (?, ?, ?, 'RED', '安全出口堵塞', ?, ?) RETURNING id
                        """).params(inspection, item, home, found, found.plusHours(24)).query(Long.class).single();
    }

    private void setting(String pause) throws Exception {
        mvc.perform(post("/supervision/settings").with(as("district")).with(csrf())
                        .param("admissionPause", pause).param("effectiveFrom", today.toString()))
                .andExpect(flash().attribute("flashSuccess", "supervision.settings.saved"));
    }

    private int staying(String residentId) {
        return jdbc.sql("""
                        SELECT count(*) FROM stay s JOIN elder e ON e.id = s.elder_id
                        WHERE e.resident_id = ? AND s.ended_on IS NULL
                        """).param(residentId).query(Integer.class).single();
    }

    @Test
    void anOpenRedFindingPausesAdmissionsFromTheWaitingListOnlyWhenTheSettingIsOnUntilItIsClosed() throws Exception {
        String first = elder("后果甲", 1);
        String second = elder("后果乙", 2);
        String direct = elder("后果丙", 3);
        long firstEntry = waiting(first);
        long secondEntry = waiting(second);
        long finding = redFinding();

        // the setting is off (the default): the open red finding changes nothing
        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, firstEntry).param("bedId", Long.toString(bed(1)))
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.admitted"));
        assertThat(staying(first)).isOne();

        // on: admissions from the waiting list are refused, naming the finding; nothing is written
        setting("WAITING_LIST");
        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, secondEntry).param("bedId", Long.toString(bed(2)))
                        .with(as("street")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"waiting-problems\"")))
                .andExpect(content().string(containsString("暂停从轮候名单入住")))
                .andExpect(content().string(containsString("第 " + finding + " 号，不合格项：疏散通道、安全出口畅通")));
        assertThat(staying(second)).isZero();
        assertThat(jdbc.sql("SELECT stay_id IS NULL FROM waiting_application WHERE id = ?").param(secondEntry)
                .query(Boolean.class).single()).isTrue();
        // in English too
        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, secondEntry).param("bedId", Long.toString(bed(2)))
                        .param("lang", "en").with(as("street")).with(csrf()))
                .andExpect(content().string(containsString("red finding open (no. " + finding + ", item failed: Escape routes and exits clear")));
        // a direct admission is not paused by this setting
        mvc.perform(post("/institutions/{id}/admissions", home).param("residentId", direct)
                        .param("bedId", Long.toString(bed(3))).param("admittedOn", today.toString()).param("payer", "SELF")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.admission.done"));

        // all admissions paused: a direct one is refused as well
        jdbc.sql("UPDATE supervision_consequence_setting SET admission_pause = 'ALL' WHERE region_prefix = '330105' AND effective_from = ?")
                .param(today).update();
        String another = elder("后果丁", 4);
        mvc.perform(post("/institutions/{id}/admissions", home).param("residentId", another)
                        .param("bedId", Long.toString(bed(4))).param("admittedOn", today.toString()).param("payer", "SELF")
                        .with(as("district")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按区民政局设置暂停入住")));
        assertThat(staying(another)).isZero();
        jdbc.sql("UPDATE supervision_consequence_setting SET admission_pause = 'WAITING_LIST' WHERE region_prefix = '330105' AND effective_from = ?")
                .param(today).update();

        // the finding put right, re-checked and closed: the admission goes ahead
        mvc.perform(multipart("/supervision/findings/{id}/rectification", finding)
                        .file(new MockMultipartFile("evidence", "通道.png", "image/png", InstitutionManagerTest.PNG))
                        .with(as("street")).with(csrf())
                        .param("rectification", "杂物已清理，附照片"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/supervision/findings/{id}/close", finding).with(as("district")).with(csrf())
                        .param("recheck", "复查合格"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT closed_at IS NOT NULL FROM supervision_finding WHERE id = ?").param(finding)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, secondEntry).param("bedId", Long.toString(bed(2)))
                        .with(as("street")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.admitted"));
        assertThat(staying(second)).isOne();
    }

    @Test
    void theSettingsPageKeepsEveryVersionRefusesThePastAndIsTheDistrictsToChange() throws Exception {
        mvc.perform(get("/supervision/settings").with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"settings-history\"")))
                .andExpect(content().string(containsString("全市默认")))
                .andExpect(content().string(not(containsString("id=\"settings-form\""))))
                .andExpect(content().string(not(containsString("WAITING_LIST"))));
        mvc.perform(post("/supervision/settings").with(as("street")).with(csrf())
                        .param("admissionPause", "ALL").param("effectiveFrom", today.toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/settings").with(as("district"))
                        .param("admissionPause", "ALL").param("effectiveFrom", today.toString()))
                .andExpect(status().isForbidden());
        int before = jdbc.sql("SELECT count(*) FROM supervision_consequence_setting").query(Integer.class).single();
        // the past, no date, an unknown choice: the form again with the message, nothing written
        mvc.perform(post("/supervision/settings").with(as("district")).with(csrf()).param("withholdOperating", "true")
                        .param("admissionPause", "ALL").param("effectiveFrom", today.minusDays(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("生效日期不能早于今天")));
        mvc.perform(post("/supervision/settings").with(as("district")).with(csrf())
                        .param("admissionPause", "SOMETIMES").param("effectiveFrom", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"settings-form\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_consequence_setting").query(Integer.class).single())
                .isEqualTo(before);

        mvc.perform(post("/supervision/settings").with(as("district")).with(csrf()).param("withholdOperating", "true")
                        .param("admissionPause", "WAITING_LIST").param("effectiveFrom", today.plusDays(10).toString())
                        .param("note", "区局 2026 年第 12 号通知"))
                .andExpect(flash().attribute("flashSuccess", "supervision.settings.saved"));
        // a second version from the same date is refused
        mvc.perform(post("/supervision/settings").with(as("district")).with(csrf())
                        .param("admissionPause", "NONE").param("effectiveFrom", today.plusDays(10).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("本区该日期已有一版设置")));
        // today the default is still in force; the new version is listed with its date
        mvc.perform(get("/supervision/settings").with(as("manager")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pause admissions from the waiting list")))
                .andExpect(content().string(containsString(today.plusDays(10).toString())))
                .andExpect(content().string(containsString("区局 2026 年第 12 号通知")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_SETTINGS_CHANGED'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aNewDeadlineVersionAppliesToFindingsFromItsDateAndExistingFindingsKeepTheirs() throws Exception {
        long existing = redFinding();
        OffsetDateTime deadlineBefore = jdbc.sql("SELECT deadline FROM supervision_finding WHERE id = ?").param(existing)
                .query(OffsetDateTime.class).single();
        mvc.perform(get("/supervision/deadlines").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 小时")))
                .andExpect(content().string(containsString("15 天")))
                .andExpect(content().string(containsString("id=\"deadlines-form\"")));
        // refused: a more severe finding given longer, an amount out of range, a date in the past
        mvc.perform(post("/supervision/deadlines").with(as("district")).with(csrf())
                        .param("effectiveFrom", today.plusDays(1).toString())
                        .param("rows[0].amount", "48").param("rows[0].unit", "HOURS")
                        .param("rows[1].amount", "1").param("rows[1].unit", "DAYS")
                        .param("rows[2].amount", "7").param("rows[2].unit", "DAYS")
                        .param("rows[3].amount", "15").param("rows[3].unit", "DAYS"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("等级越高期限应越短")));
        mvc.perform(post("/supervision/deadlines").with(as("district")).with(csrf())
                        .param("effectiveFrom", today.minusDays(1).toString())
                        .param("rows[0].amount", "0").param("rows[0].unit", "HOURS")
                        .param("rows[1].amount", "abc").param("rows[1].unit", "DAYS")
                        .param("rows[2].amount", "400").param("rows[2].unit", "WEEKS")
                        .param("rows[3].amount", "15").param("rows[3].unit", "DAYS"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写 1 到 365 之间的整数")))
                .andExpect(content().string(containsString("生效日期不能早于今天")));
        mvc.perform(post("/supervision/deadlines").with(as("street")).with(csrf())
                        .param("effectiveFrom", today.plusDays(1).toString()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_deadline WHERE region_prefix = '330105'")
                .query(Integer.class).single()).isZero();

        LocalDate from = today.plusDays(1);
        mvc.perform(post("/supervision/deadlines").with(as("district")).with(csrf())
                        .param("effectiveFrom", from.toString())
                        .param("rows[0].amount", "12").param("rows[0].unit", "HOURS")
                        .param("rows[1].amount", "2").param("rows[1].unit", "DAYS")
                        .param("rows[2].amount", "5").param("rows[2].unit", "DAYS")
                        .param("rows[3].amount", "10").param("rows[3].unit", "DAYS"))
                .andExpect(flash().attribute("flashSuccess", "supervision.deadlines.saved"));
        // today's findings: the rules of before; from its date: the new ones; the existing finding keeps its deadline
        Map<Severity, DeadlineRule> todays = store.deadlineRules(LANTIAN, today);
        assertThat(todays.get(Severity.RED)).isEqualTo(new DeadlineRule(Severity.RED, 24, DeadlineRule.Unit.HOURS));
        Map<Severity, DeadlineRule> tomorrows = store.deadlineRules(LANTIAN, from);
        assertThat(tomorrows.get(Severity.RED)).isEqualTo(new DeadlineRule(Severity.RED, 12, DeadlineRule.Unit.HOURS));
        assertThat(tomorrows.get(Severity.BLUE)).isEqualTo(new DeadlineRule(Severity.BLUE, 10, DeadlineRule.Unit.DAYS));
        // another district keeps the city's
        assertThat(store.deadlineRules("330106001001", from).get(Severity.RED).amount()).isEqualTo(24);
        assertThat(jdbc.sql("SELECT deadline FROM supervision_finding WHERE id = ?").param(existing)
                .query(OffsetDateTime.class).single()).isEqualTo(deadlineBefore);
        mvc.perform(get("/supervision/deadlines").with(as("street")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12 hours")))
                .andExpect(content().string(containsString(from.toString())))
                .andExpect(content().string(not(containsString("id=\"deadlines-form\""))));
    }

    @Test
    void deadlinesCountCalendarTimeAcrossWeekendsAndMonthEnds() {
        DeadlineRule red = new DeadlineRule(Severity.RED, 24, DeadlineRule.Unit.HOURS);
        DeadlineRule yellow = new DeadlineRule(Severity.YELLOW, 7, DeadlineRule.Unit.DAYS);
        DeadlineRule orange = new DeadlineRule(Severity.ORANGE, 3, DeadlineRule.Unit.DAYS);
        // a red finding recorded on Friday 18:00 is due on Saturday 18:00 (no working days)
        ZonedDateTime friday = ZonedDateTime.of(2026, 12, 4, 18, 0, 0, 0, TestDates.ZONE);
        assertThat(friday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(red.due(friday)).isEqualTo(ZonedDateTime.of(2026, 12, 5, 18, 0, 0, 0, TestDates.ZONE));
        // Friday 30 April 18:00: Saturday 1 May 18:00, over the month end and the holiday
        assertThat(red.due(ZonedDateTime.of(2027, 4, 30, 18, 0, 0, 0, TestDates.ZONE)))
                .isEqualTo(ZonedDateTime.of(2027, 5, 1, 18, 0, 0, 0, TestDates.ZONE));
        // 7 days over a month end: 28 January 09:30 is due 4 February 09:30; 26 February 2027 (no leap day) 5 March
        assertThat(yellow.due(ZonedDateTime.of(2027, 1, 28, 9, 30, 0, 0, TestDates.ZONE)))
                .isEqualTo(ZonedDateTime.of(2027, 2, 4, 9, 30, 0, 0, TestDates.ZONE));
        assertThat(yellow.due(ZonedDateTime.of(2027, 2, 26, 9, 30, 0, 0, TestDates.ZONE)))
                .isEqualTo(ZonedDateTime.of(2027, 3, 5, 9, 30, 0, 0, TestDates.ZONE));
        // 3 days from Thursday 30 December: Sunday 2 January of the next year
        assertThat(orange.due(ZonedDateTime.of(2027, 12, 30, 16, 0, 0, 0, TestDates.ZONE)))
                .isEqualTo(ZonedDateTime.of(2028, 1, 2, 16, 0, 0, 0, TestDates.ZONE));
        // the severity order check compares a day as 24 hours
        assertThat(Deadlines.length(new DeadlineRule(Severity.RED, 24, DeadlineRule.Unit.HOURS)))
                .isEqualTo(Deadlines.length(new DeadlineRule(Severity.ORANGE, 1, DeadlineRule.Unit.DAYS)));
    }
}
