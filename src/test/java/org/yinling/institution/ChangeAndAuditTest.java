package org.yinling.institution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.audit.AuditLog;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.yinling.system.TestUsers.as;

/**
 * A change and its audit row commit together or not at all, through the pages: an audit that fails leaves the
 * change undone, and a write that fails after an audit call leaves no audit row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChangeAndAuditTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(600);
    private static final String REFUSED = "the audit log refused the event";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @MockitoSpyBean
    AuditLog audit;
    @MockitoSpyBean
    WaitingListStore waitingList;

    @Test
    void anInstitutionUpdateCommitsWithItsAuditRow() throws Exception {
        long home = home("审计测试养老院");
        mvc.perform(update(home, "审计测试养老院（改名）"))
                .andExpect(redirectedUrl("/institutions/" + home))
                .andExpect(flash().attribute("flashSuccess", "institution.updated"));
        assertThat(name(home)).isEqualTo("审计测试养老院（改名）");
        assertThat(auditRows("INSTITUTION_UPDATED", home)).isEqualTo(1);
    }

    @Test
    void anInstitutionUpdateWhoseAuditFailsChangesNothing() throws Exception {
        long home = home("审计失败测试养老院");
        doThrow(new IllegalStateException(REFUSED)).when(auditTarget())
                .record(eq("INSTITUTION_UPDATED"), anyString(), any(), any());
        assertThatThrownBy(() -> mvc.perform(update(home, "不该保存的名字"))).hasStackTraceContaining(REFUSED);
        assertThat(name(home)).isEqualTo("审计失败测试养老院");
        assertThat(jdbc.sql("SELECT version FROM institution WHERE id = ?").param(home).query(Long.class).single())
                .isZero();
        assertThat(auditRows("INSTITUTION_UPDATED", home)).isZero();
    }

    @Test
    void bedsWhoseAuditFailsAreNotAdded() throws Exception {
        long home = home("床位审计测试养老院");
        doThrow(new IllegalStateException(REFUSED)).when(auditTarget()).record(eq("BEDS_ADDED"), anyString(), any(), any());
        assertThatThrownBy(() -> mvc.perform(post("/institutions/{id}/beds", home).param("room", "101")
                .param("from", "1").param("to", "5").with(as("district")).with(csrf())))
                .hasStackTraceContaining(REFUSED);
        assertThat(jdbc.sql("SELECT count(*) FROM bed WHERE institution_id = ?").param(home).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aMealRateChangeWhoseAuditFailsChangesNoRate() throws Exception {
        Map<String, BigDecimal> before = mealRates();
        doThrow(new IllegalStateException(REFUSED)).when(auditTarget())
                .record(eq("RATE_VERSION_ADDED"), anyString(), any(), any());
        String month = org.yinling.TestDates.today().plusMonths(7).toString().substring(0, 7);
        assertThatThrownBy(() -> mvc.perform(post("/meal-points/rates").param("table", "MEAL").param("region", "")
                .param("from", month).param("amount.OPERATING", "96").with(as("admin")).with(csrf())))
                .hasStackTraceContaining(REFUSED);
        assertThat(mealRates()).isEqualTo(before);
    }

    @Test
    void anAdmissionWhoseLaterWriteFailsLeavesNoAuditRow() throws Exception {
        long home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('审计轮候测试福利院', 'PUBLIC_HOME', 'PUBLIC', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """)
                .param(LANTIAN).query(Long.class).single();
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, '1', '1') RETURNING id")
                .param(home).query(Long.class).single();
        long elder = elder();
        long entry = jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        VALUES (?, ?, DATE '2026-01-01', 'test') RETURNING id
                        """)
                .params(elder, home).query(Long.class).single();
        // the stay and its STAY_ADMITTED row are written, then marking the entry admitted fails
        doThrow(new IllegalStateException("the waiting list could not be updated")).when(waitingList)
                .admitted(anyLong(), anyLong(), any());
        assertThatThrownBy(() -> mvc.perform(post("/waiting-list/{i}/{e}/admit", home, entry)
                .param("bedId", Long.toString(bed)).param("admittedOn", TestDates.today().minusDays(2).toString())
                .with(as("district")).with(csrf())))
                .hasStackTraceContaining("the waiting list could not be updated");
        assertThat(jdbc.sql("SELECT count(*) FROM stay WHERE elder_id = ?").param(elder).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'STAY_ADMITTED' AND details->>'elder' = ?")
                .param(Long.toString(elder)).query(Integer.class).single()).isZero();
    }

    /** The spy behind the transactional proxy: stubbing it does not need a transaction. */
    private AuditLog auditTarget() {
        return AopTestUtils.getUltimateTargetObject(audit);
    }

    private MockHttpServletRequestBuilder update(long home, String name) {
        return post("/institutions/{id}", home).with(as("district")).with(csrf())
                .param("name", name).param("kind", "PRIVATE_HOME").param("ownership", "PRIVATE")
                .param("communityCode", LANTIAN).param("status", "OPERATING").param("medicalArrangement", "NONE")
                .param("version", "0");
    }

    private long home(String name) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, 'NONE', 'test', 'test') RETURNING id
                        """)
                .params(name, LANTIAN).query(Long.class).single();
    }

    private String name(long home) {
        return jdbc.sql("SELECT name FROM institution WHERE id = ?").param(home).query(String.class).single();
    }

    private int auditRows(String action, long entityId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND entity_id = ?")
                .params(action, Long.toString(entityId)).query(Integer.class).single();
    }

    private Map<String, BigDecimal> mealRates() {
        Map<String, BigDecimal> rates = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT v.id || ' ' || v.effective_from || ' ' || a.rate_key, a.amount
                FROM rate_version v JOIN rate_amount a ON a.version_id = v.id WHERE v.rate_table = 'MEAL'
                """).query(rs -> {
            rates.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return rates;
    }

    private long elder() {
        int n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-03-03', TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """)
                .params("11010519400303" + "%03d".formatted(n % 1000) + "X", "审计" + n, LANTIAN)
                .query(Long.class).single();
    }

}
