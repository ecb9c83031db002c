package org.yinling.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * A certificate's scan: attached by whoever records the institution's certificates (district staff, the institution's
 * own manager), checked by its first bytes and size like the other supervision files, linked on the certificate's row
 * and in its history, served only within scope (404 elsewhere) with nosniff and a sandboxing CSP, every upload and
 * every view audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CertificateScansTest {

    static final String LANTIAN = "330105001001";
    /** A community of 祥符街道, outside the demo street user's street. */
    static final String XIANGFU = "330105002001";
    static final byte[] PDF = "%PDF-1.4\n%test scan\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    long home;
    long other;
    long homeInsurance;
    long otherInsurance;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        home = institution("扫描件测试颐养院", LANTIAN);
        other = institution("扫描件测试护理院", XIANGFU);
        homeInsurance = certificate(home);
        otherInsurance = certificate(other);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id)
                SELECT 'im.scan', '颐养院负责人', password_hash, 'INSTITUTION_MANAGER', '330105000000', ?
                FROM app_user WHERE username = 'district'
                """).param(home).update();
    }

    private long institution(String name, String community) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, 'test', 'test') RETURNING id
                        """).params(name, community).query(Long.class).single();
    }

    private long certificate(long institution) {
        return jdbc.sql("""
                        INSERT INTO supervision_certificate (institution_id, kind, number, issuer, issued_on, expires_on, recorded_by)
                        VALUES (?, 'LIABILITY_INSURANCE', 'P-2026-001', '测试保险公司', ?, ?, 'test') RETURNING id
                        """).params(institution, today.minusMonths(2), today.plusMonths(10)).query(Long.class).single();
    }

    private MockMultipartHttpServletRequestBuilder upload(long institution, long certificate, byte[] bytes, String name) {
        MockMultipartHttpServletRequestBuilder request = multipart(
                "/supervision/institutions/{id}/certificates/{c}/scan", institution, certificate);
        request.file(new MockMultipartFile("scan", name, "application/pdf", bytes));
        request.with(csrf());
        return request;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private long scanOf(long certificate) {
        return jdbc.sql("SELECT id FROM supervision_attachment WHERE certificate_id = ?").param(certificate)
                .query(Long.class).single();
    }

    @Test
    void theDistrictAttachesAScanThatIsLinkedOnTheRowAndServedWithinTheRegionOnly() throws Exception {
        mvc.perform(upload(home, homeInsurance, PDF, "保单.pdf").with(as("district")))
                .andExpect(redirectedUrl("/supervision/institutions/" + home + "/certificates"))
                .andExpect(flash().attribute("flashSuccess", "supervision.certificate.scan.attached"));
        long scan = scanOf(homeInsurance);
        assertThat(count("""
                SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_CERTIFICATE_SCAN_ATTACHED' AND entity_id = ?
                  AND details ->> 'attachmentId' = ? AND NOT details::text LIKE '%保单%'
                """, Long.toString(homeInsurance), Long.toString(scan))).isEqualTo(1);

        // the row and the history link it, for the street too (read only: no upload form)
        mvc.perform(get("/supervision/institutions/{id}/certificates", home).with(as("district")))
                .andExpect(content().string(containsString("/supervision/attachments/" + scan)))
                .andExpect(content().string(containsString("保单.pdf")))
                .andExpect(content().string(containsString("/certificates/" + homeInsurance + "/scan")));
        String street = mvc.perform(get("/supervision/institutions/{id}/certificates", home).with(as("street")))
                .andReturn().getResponse().getContentAsString();
        assertThat(street).contains("/supervision/attachments/" + scan).doesNotContain("/scan\"");

        mvc.perform(get("/supervision/attachments/{id}", scan).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(PDF));
        assertThat(count("""
                SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_CERTIFICATE_SCAN_VIEWED' AND entity_id = ?
                  AND actor = 'street'
                """, Long.toString(homeInsurance))).isEqualTo(1);

        // another institution's manager, and a street reviewer of another street: not found, nothing audited
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id)
                SELECT 'im.scan.other', '护理院负责人', password_hash, 'INSTITUTION_MANAGER', '330105000000', ?
                FROM app_user WHERE username = 'district'
                """).param(other).update();
        mvc.perform(get("/supervision/attachments/{id}", scan).with(as("im.scan.other"))).andExpect(status().isNotFound());
        mvc.perform(upload(other, otherInsurance, PDF, "x.pdf").with(as("district"))).andExpect(status().is3xxRedirection());
        long otherScan = scanOf(otherInsurance);
        mvc.perform(get("/supervision/attachments/{id}", otherScan).with(as("street"))).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_CERTIFICATE_SCAN_VIEWED' AND entity_id = ?",
                Long.toString(otherInsurance))).isZero();
    }

    @Test
    void theInstitutionManagerAttachesTheirOwnAndNothingElse() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(upload(home, homeInsurance, png, "licence.png").with(as("im.scan")))
                .andExpect(flash().attribute("flashSuccess", "supervision.certificate.scan.attached"));
        long scan = scanOf(homeInsurance);
        mvc.perform(get("/supervision/attachments/{id}", scan).with(as("im.scan")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        // another institution's certificate, or this one's through another institution's path: 404, nothing written
        mvc.perform(upload(other, otherInsurance, PDF, "x.pdf").with(as("im.scan"))).andExpect(status().isNotFound());
        mvc.perform(upload(home, otherInsurance, PDF, "x.pdf").with(as("im.scan"))).andExpect(status().isNotFound());
        // the street reads but does not record certificates
        mvc.perform(upload(home, homeInsurance, PDF, "x.pdf").with(as("street"))).andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE certificate_id IN (?, ?)", homeInsurance,
                otherInsurance)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAPdfOrPhotoOrNoFileOrAReplacedCertificateIsRefused() throws Exception {
        mvc.perform(upload(home, homeInsurance, "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        "scan.pdf").with(as("district")))
                .andExpect(flash().attribute("flashError", "instmgr.attachment.error.type"));
        mvc.perform(multipart("/supervision/institutions/{id}/certificates/{c}/scan", home, homeInsurance)
                        .with(csrf()).with(as("district")))
                .andExpect(flash().attribute("flashError", "supervision.certificate.scan.error.none"));
        byte[] large = new byte[(int) EvidenceFiles.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        mvc.perform(upload(home, homeInsurance, large, "big.pdf").with(as("district")))
                .andExpect(flash().attribute("flashError", "instmgr.attachment.error.tooLarge"));
        // a certificate replaced by a newer one is history: no scan is added to it
        jdbc.sql("UPDATE supervision_certificate SET replaced_at = now(), replaced_by = 'test' WHERE id = ?")
                .param(homeInsurance).update();
        mvc.perform(upload(home, homeInsurance, PDF, "old.pdf").with(as("district"))).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE certificate_id = ?", homeInsurance)).isZero();
    }
}
