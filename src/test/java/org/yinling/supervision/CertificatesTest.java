package org.yinling.supervision;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Certificates and insurance as users meet them: the 30-day warning (and a region's own period), the medical licence
 * only where the medical arrangement needs one, a replacement that keeps the history, the district's list and its
 * spreadsheet, the institution manager confined to their own institution, and the bad input of the issue.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CertificatesTest {

    static final String LANTIAN = "330105001001";
    /** A community of 祥符街道, outside the demo street user's street. */
    static final String XIANGFU = "330105002001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    long home;
    long clinic;
    String tag;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        home = institution("证照测试颐养院" + tag, LANTIAN, "AGREEMENT");
        clinic = institution("证照测试护理院" + tag, XIANGFU, "OWN_CLINIC");
    }

    private long institution(String name, String community, String medical) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, ?, 'test', 'test') RETURNING id
                        """).params(name, community, medical).query(Long.class).single();
    }

    private void certificate(long institution, String kind, LocalDate issued, LocalDate expires) {
        jdbc.sql("""
                INSERT INTO supervision_certificate (institution_id, kind, number, issuer, issued_on, expires_on, recorded_by)
                VALUES (?, ?, 'T-' || ?, '测试发证机关', ?, ?, 'test')
                """).params(institution, kind, kind, issued, expires).update();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private String page(long institution, String user) throws Exception {
        return mvc.perform(get("/supervision/institutions/{id}/certificates", institution).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCertificateWarnsThirtyDaysBeforeItsExpiryNotThirtyOne() throws Exception {
        certificate(home, "FOOD_LICENCE", today.minusYears(4), today.plusDays(30));
        certificate(home, "LIABILITY_INSURANCE", today.minusDays(300), today.plusDays(31));
        certificate(home, "FIRE_SAFETY", today.minusYears(2), today.minusDays(1));
        String page = page(home, "district");
        assertThat(page).contains("data-kind=\"FOOD_LICENCE\" data-state=\"EXPIRING\"")
                .contains("data-kind=\"LIABILITY_INSURANCE\" data-state=\"VALID\"")
                .contains("data-kind=\"FIRE_SAFETY\" data-state=\"EXPIRED\"");
        // the institution page's card says the same
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("即将到期")))
                .andExpect(content().string(containsString("data-kind=\"FIRE_SAFETY\" data-state=\"EXPIRED\"")));

        // a region's own warning period (data): 60 days for 蓝天 from a past date
        jdbc.sql("INSERT INTO supervision_certificate_warning (region_prefix, days, effective_from, created_by) VALUES (?, 60, ?, 'test')")
                .params(LANTIAN, today.minusDays(1)).update();
        assertThat(page(home, "district")).contains("data-kind=\"LIABILITY_INSURANCE\" data-state=\"EXPIRING\"");
    }

    @Test
    void theMedicalLicenceIsRequiredOnlyOfAnInstitutionWithItsOwnClinic() throws Exception {
        assertThat(page(home, "district")).doesNotContain("data-kind=\"MEDICAL_LICENCE\"")
                .contains("data-kind=\"FOOD_LICENCE\" data-state=\"MISSING\"");
        assertThat(page(clinic, "district")).contains("data-kind=\"MEDICAL_LICENCE\" data-state=\"MISSING\"");
        // the district list of missing medical licences names the clinic, not the home with an agreement
        String list = mvc.perform(get("/supervision/certificates").param("show", "MISSING").param("kind", "MEDICAL_LICENCE")
                        .with(as("district"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-institution=\"" + clinic + "\"").doesNotContain("data-institution=\"" + home + "\"");
    }

    @Test
    void aReplacementKeepsTheEarlierCertificateAsHistory() throws Exception {
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "LIABILITY_INSURANCE").param("number", "PZAA-1").param("issuer", "测试保险公司")
                        .param("issuedOn", today.minusDays(360).toString()).param("expiresOn", today.plusDays(5).toString()))
                .andExpect(redirectedUrl("/supervision/institutions/" + home + "/certificates"));
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "LIABILITY_INSURANCE").param("number", "PZAA-2").param("issuer", "测试保险公司")
                        .param("issuedOn", today.plusDays(5).toString()).param("expiresOn", today.plusDays(370).toString()))
                .andExpect(redirectedUrl("/supervision/institutions/" + home + "/certificates"));
        assertThat(count("SELECT count(*) FROM supervision_certificate WHERE institution_id = ?", home)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT number FROM supervision_certificate WHERE institution_id = ? AND replaced_at IS NULL")
                .param(home).query(String.class).single()).isEqualTo("PZAA-2");
        String page = page(home, "district");
        assertThat(page).contains("PZAA-1").contains("PZAA-2").contains("已更换")
                .contains("data-kind=\"LIABILITY_INSURANCE\" data-state=\"VALID\"");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_CERTIFICATE_RECORDED' AND entity_id IN (SELECT id::text FROM supervision_certificate WHERE institution_id = ?)", home))
                .isEqualTo(2);
    }

    @Test
    void badInputIsRefusedWithTheFormKeptAndNothingWritten() throws Exception {
        // expiry before issue
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "FOOD_LICENCE").param("number", "JY-BAD-1")
                        .param("issuedOn", today.minusDays(10).toString()).param("expiresOn", today.minusDays(20).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("有效期至须晚于发证日期")))
                .andExpect(content().string(containsString("JY-BAD-1")));
        // a licence issued in the future
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "FOOD_LICENCE").param("number", "JY-BAD-2")
                        .param("issuedOn", today.plusDays(3).toString()).param("expiresOn", today.plusYears(5).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("发证日期不能晚于今天")));
        // an insurance without insurer, a licence without expiry, a malformed date
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "LIABILITY_INSURANCE").param("number", "PZ-BAD")
                        .param("issuedOn", today.toString()).param("expiresOn", today.plusYears(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("责任保险须填写保险公司")));
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "FOOD_LICENCE").param("number", "JY-BAD-3").param("issuedOn", today.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写有效期至")));
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("district")).with(csrf())
                        .param("kind", "FOOD_LICENCE").param("number", "JY-BAD-4").param("issuedOn", "next week"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("JY-BAD-4")));
        assertThat(count("SELECT count(*) FROM supervision_certificate WHERE institution_id = ?", home)).isZero();
        // an institution outside the user's region is not found
        mvc.perform(get("/supervision/institutions/{id}/certificates", clinic).with(as("street"))).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/institutions/{id}/certificates", home).with(as("street"))).andExpect(status().isOk());
        // a street reviewer reads but does not record
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as("street")).with(csrf())
                        .param("kind", "FIRE_SAFETY").param("number", "X").param("issuedOn", today.toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInstitutionManagerRecordsTheCertificatesOfTheirOwnInstitutionOnly() throws Exception {
        String manager = "cert.manager." + tag;
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id)
                SELECT ?, '证照测试院长', password_hash, 'INSTITUTION_MANAGER', '330105000000', ? FROM app_user WHERE username = 'district'
                """).params(manager, home).update();
        mvc.perform(post("/supervision/institutions/{id}/certificates", home).with(as(manager)).with(csrf())
                        .param("kind", "FIRE_SAFETY").param("number", "杭消验-OWN").param("issuedOn", today.minusYears(1).toString()))
                .andExpect(redirectedUrl("/supervision/institutions/" + home + "/certificates"));
        assertThat(jdbc.sql("SELECT recorded_by FROM supervision_certificate WHERE institution_id = ?").param(home)
                .query(String.class).single()).isEqualTo(manager);
        assertThat(page(home, manager)).contains("杭消验-OWN").contains("证照测试院长");
        // another institution, even of the same district: not found, nothing written
        mvc.perform(post("/supervision/institutions/{id}/certificates", clinic).with(as(manager)).with(csrf())
                        .param("kind", "FIRE_SAFETY").param("number", "杭消验-OTHER").param("issuedOn", today.minusYears(1).toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/supervision/institutions/{id}/certificates", clinic).with(as(manager))).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM supervision_certificate WHERE institution_id = ?", clinic)).isZero();
    }

    @Test
    void theDistrictListFiltersByStreetAndKindAndExportsTheSameRows() throws Exception {
        certificate(home, "FOOD_LICENCE", today.minusYears(4), today.plusDays(10));
        certificate(clinic, "FOOD_LICENCE", today.minusYears(4), today.plusDays(10));
        String list = mvc.perform(get("/supervision/certificates").param("show", "EXPIRING").param("kind", "FOOD_LICENCE")
                        .param("street", "330105001000").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-institution=\"" + home + "\" data-kind=\"FOOD_LICENCE\" data-state=\"EXPIRING\"")
                .doesNotContain("data-institution=\"" + clinic + "\"");
        // a street reviewer sees only the street's institutions
        String street = mvc.perform(get("/supervision/certificates").param("show", "ALL").param("kind", "FOOD_LICENCE")
                        .with(as("street"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(street).doesNotContain("data-institution=\"" + clinic + "\"");

        byte[] xlsx = mvc.perform(get("/supervision/certificates.xlsx").param("show", "EXPIRING").param("kind", "FOOD_LICENCE")
                        .param("street", "330105001000").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            // a title row (what and whose) over the frozen column heads
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("证照与保险 — ");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("机构");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() < 2) {
                    continue;
                }
                if (row.getCell(0).getStringCellValue().equals("证照测试颐养院" + tag)) {
                    found = true;
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("食品经营许可证");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo(today.plusDays(10).toString());
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("即将到期");
                }
                assertThat(row.getCell(0).getStringCellValue()).isNotEqualTo("证照测试护理院" + tag);
                assertThat(row.getCell(2).getStringCellValue()).doesNotContain("FOOD_LICENCE");
            }
            assertThat(found).isTrue();
        }
        // hostile filters select nothing rather than fail
        mvc.perform(get("/supervision/certificates").param("show", "DROP").param("kind", "X'").param("street", "9")
                .param("page", "-4").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("DROP"))));
    }

    @Test
    void theDashboardCountsCertificatesThatNeedAttention() throws Exception {
        mvc.perform(get("/dashboard").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supervision-certificates-figures\"")))
                .andExpect(content().string(containsString("即将到期")));
        // and the monthly report, with the institutions by star
        mvc.perform(get("/reports/monthly").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supervision-certificates-figures\"")))
                .andExpect(content().string(containsString("data-grade=\"5\"")))
                .andExpect(content().string(containsString("即将到期")));
    }
}
