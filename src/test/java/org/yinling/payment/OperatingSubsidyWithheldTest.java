package org.yinling.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 23 §7: an open red finding withholds the institution's operating subsidy when the district's setting says so.
 * The finding is open at the end of a service month (found before the first day of the next month, 00:00 Beijing
 * time, not closed by then); the batch lists the line withheld with the finding and the reason, on its page and on
 * its printed summary; a batch generated before the setting, or before the finding was closed, never changes. A
 * district of its own (other tests add institutions to the demo district).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatingSubsidyWithheldTest {

    static final String PREFIX = "330186";
    static final String DISTRICT = PREFIX + "000000";
    static final String COMMUNITY = PREFIX + "001001";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    MockMvc mvc;

    @Test
    void aRedFindingOpenAtTheEndOfTheServiceMonthWithholdsTheMonthOnceTheDistrictTurnsItOn() throws Exception {
        region(DISTRICT, null, "扣发测试区", false);
        region(PREFIX + "001000", DISTRICT, "扣发测试街道", false);
        region(COMMUNITY, PREFIX + "001000", "扣发测试社区", true);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                SELECT 'withhold.district', '扣发测试区民政', password_hash, 'DISTRICT_STAFF', ? FROM app_user WHERE username = 'district'
                ON CONFLICT DO NOTHING
                """).param(DISTRICT).update();
        long failing = institution("扣发测试民办院");
        long sound = institution("扣发测试合格院");
        stay(elder(1), failing);
        stay(elder(2), sound);
        // escape routes blocked: a red finding found on 20 January 2038, 15:00 Beijing time
        long finding = redFinding(failing, "2038-01-20T15:00:00+08:00");

        // the setting is off (the default): January 2038 is paid to both
        long january = generated(LocalDate.of(2038, 2, 1));
        assertThat(paidTo(january, failing)).isEqualByComparingTo("50");
        assertThat(paidTo(january, sound)).isEqualByComparingTo("50");
        assertThat(withheld(january)).isZero();

        // the district turns the withholding on from today (for service months from the first day after today)
        mvc.perform(post("/supervision/settings").with(as("withhold.district")).with(csrf())
                        .param("withholdOperating", "true").param("admissionPause", "NONE")
                        .param("effectiveFrom", TestDates.today().toString()))
                .andExpect(flash().attribute("flashSuccess", "supervision.settings.saved"));

        // February 2038: the finding is still open at its end: no line for the failing institution, and why
        long february = generated(LocalDate.of(2038, 3, 1));
        assertThat(paidTo(february, failing)).isNull();
        assertThat(paidTo(february, sound)).isEqualByComparingTo("50");
        assertThat(jdbc.sql("""
                        SELECT reason || ' ' || reference_id || ' ' || amount || ' ' || residents || ' ' || month || ' ' || since
                        FROM payment_withheld_line WHERE batch_id = ? AND payee_id = ?
                        """).params(february, failing).query(String.class).single())
                .isEqualTo("RED_FINDING " + finding + " 50.00 1 2038-02-01 2038-01-20");
        assertThat(total(february)).isEqualByComparingTo("50");
        mvc.perform(get("/payments/batches/{id}", february).with(as("withhold.district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"withheld-lines\"")))
                .andExpect(content().string(containsString("服务月末仍有未整改的红色问题")))
                .andExpect(content().string(containsString("问题第 " + finding + " 号")))
                .andExpect(content().string(containsString("疏散通道、安全出口畅通")))
                .andExpect(content().string(not(containsString("RED_FINDING"))));
        mvc.perform(get("/payments/batches/{id}/summary", february).with(as("withhold.district"))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A red finding still open at the end of the service month")))
                .andExpect(content().string(containsString("Escape routes and exits clear")));
        // the January batch, generated before, is as it was
        assertThat(paidTo(january, failing)).isEqualByComparingTo("50");

        // closed on 15 March: open at no month's end from March on, so March is paid; February stays withheld
        jdbc.sql("""
                UPDATE supervision_finding SET rectification = '已清理', rectified_at = TIMESTAMPTZ '2038-03-14 10:00+08',
                    rectified_by = 'test', recheck_note = '复查合格', closed_at = TIMESTAMPTZ '2038-03-15 10:00+08', closed_by = 'test'
                WHERE id = ?
                """).param(finding).update();
        long march = generated(LocalDate.of(2038, 4, 1));
        assertThat(paidTo(march, failing)).isEqualByComparingTo("50");
        assertThat(withheld(march)).isZero();
        assertThat(paidTo(february, failing)).isNull();
        assertThat(withheld(february)).isOne();
    }

    @Test
    void aFindingClosedBeforeTheMonthEndsOrFoundAfterItWithholdsNothing() throws Exception {
        String prefix = "330187";
        String community = prefix + "001001";
        region(prefix + "000000", null, "扣发边界测试区", false);
        region(prefix + "001000", prefix + "000000", "扣发边界测试街道", false);
        region(community, prefix + "001000", "扣发边界测试社区", true);
        jdbc.sql("""
                INSERT INTO supervision_consequence_setting (region_prefix, withhold_operating, admission_pause, effective_from, created_by)
                VALUES (?, TRUE, 'NONE', DATE '2020-01-01', 'test')
                """).param(prefix).update();
        long closedInTime = institution("扣发边界甲院", community);
        long foundLater = institution("扣发边界乙院", community);
        long atMidnight = institution("扣发边界丙院", community);
        stay(elder(3, community), closedInTime);
        stay(elder(4, community), foundLater);
        stay(elder(5, community), atMidnight);
        long closed = redFinding(closedInTime, "2038-05-02T09:00:00+08:00");
        jdbc.sql("""
                UPDATE supervision_finding SET rectification = '已整改', rectified_at = TIMESTAMPTZ '2038-05-30 10:00+08',
                    rectified_by = 'test', closed_at = TIMESTAMPTZ '2038-05-31 23:59+08', closed_by = 'test' WHERE id = ?
                """).param(closed).update();
        redFinding(foundLater, "2038-06-01T00:00:00+08:00");        // the first moment of June: not May's
        redFinding(atMidnight, "2038-05-31T23:59:00+08:00");        // open at the end of May
        long may = batches.create(prefix + "000000", LocalDate.of(2038, 6, 1), false, "district");
        assertThat(generator.generate(may)).isTrue();
        assertThat(paidTo(may, closedInTime)).isEqualByComparingTo("50");
        assertThat(paidTo(may, foundLater)).isEqualByComparingTo("50");
        assertThat(paidTo(may, atMidnight)).isNull();
        assertThat(withheld(may)).isOne();
    }

    private long generated(LocalDate month) {
        long batch = batches.create(DISTRICT, month, false, "district");
        assertThat(generator.generate(batch)).isTrue();
        return batch;
    }

    private BigDecimal paidTo(long batch, long institution) {
        return jdbc.sql("SELECT amount FROM payment_payee_line WHERE batch_id = ? AND institution_id = ? AND kind = 'OPERATING'")
                .params(batch, institution).query(BigDecimal.class).optional().orElse(null);
    }

    private int withheld(long batch) {
        return jdbc.sql("SELECT count(*) FROM payment_withheld_line WHERE batch_id = ?").param(batch)
                .query(Integer.class).single();
    }

    private BigDecimal total(long batch) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payment_payee_line WHERE batch_id = ?").param(batch)
                .query(BigDecimal.class).single();
    }

    /** A red finding (escape routes, item 11 of checklist version 1) of a submitted inspection, found at a moment. */
    private long redFinding(long institution, String foundAt) {
        long item = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                        WHERE c.version = 1 AND it.position = 11
                        """).query(Long.class).single();
        long inspection = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status, inspector_name,
                            representative_name, submitted_at, created_by)
                        SELECT ?, checklist_id, CAST(CAST(? AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date), 'SUBMITTED',
                               '检查员', '院长', CAST(? AS timestamptz), 'test'
                        FROM supervision_checklist_item WHERE id = ? RETURNING id
                        """).params(institution, foundAt, foundAt, item).query(Long.class).single();
        jdbc.sql("INSERT INTO supervision_result (inspection_id, item_id, outcome, note) VALUES (?, ?, 'FAIL', '堵塞')")
                .params(inspection, item).update();
        return jdbc.sql("""
                        INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                        VALUES (?, ?, ?, 'RED', '安全出口堵塞', CAST(? AS timestamptz), CAST(? AS timestamptz) + interval '24 hours')
                        RETURNING id
                        """).params(inspection, item, institution, foundAt, foundAt).query(Long.class).single();
    }

    private void region(String code, String parent, String name, boolean community) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            return;
        }
        var request = post("/admin/regions").with(as("admin")).with(csrf()).param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (community) {
            request.param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1000");
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    private long institution(String name) {
        return institution(name, COMMUNITY);
    }

    private long institution(String name, String community) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, payee_bank, payee_account,
                            created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, '测试银行', '6222111122223333', 'test', 'test') RETURNING id
                        """)
                .params(name, community).query(Long.class).single();
    }

    private long elder(int n) {
        return elder(n, COMMUNITY);
    }

    private long elder(int n, String community) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-04-04', TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """)
                .params("330186194004040" + "%02d".formatted(n) + "X", "扣发" + n, community)
                .query(Long.class).single();
    }

    private void stay(long elder, long institution) {
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, 'R', ?) RETURNING id")
                .params(institution, "B" + elder).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        VALUES (?, ?, ?, DATE '2020-01-01', 'SELF', FALSE, 'test')
                        """)
                .params(elder, institution, bed).update();
    }
}
