package org.yinling.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

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
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 23, the institution manager's part as they meet it: their own institution's page (residents masked, no elder
 * pages), their findings and incidents and nothing of another institution (404), a rectification answered with an
 * evidence file, a finding that cannot be closed on a note alone, files served only within scope, an inspection
 * item's photo, and the user administration's choice of the institution.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class InstitutionManagerTest {

    static final String LANTIAN = "330105001001";
    /** The smallest PNG: a signature and enough to be recognised. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long home;
    long other;
    long homeFinding;
    long otherFinding;
    long homeIncident;
    long otherIncident;
    String residentId;

    @BeforeEach
    void setUp() {
        home = institution("管理员测试颐养院");
        other = institution("别家测试护理院");
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id)
                SELECT 'im.home', '颐养院负责人', password_hash, 'INSTITUTION_MANAGER', '330105000000', ?
                FROM app_user WHERE username = 'district'
                """).param(home).update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id)
                SELECT 'im.other', '护理院负责人', password_hash, 'INSTITUTION_MANAGER', '330105000000', ?
                FROM app_user WHERE username = 'district'
                """).param(other).update();
        homeFinding = finding(home);
        otherFinding = finding(other);
        homeIncident = incident(home, "颐养院老人甲");
        otherIncident = incident(other, "护理院老人乙");
        // a resident of the manager's institution
        long elder = elder("钱秀英");
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, '201', '1') RETURNING id")
                .param(home).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                VALUES (?, ?, ?, ?, 'SELF', FALSE, 'test')
                """).params(elder, home, bed, TestDates.today().minusDays(20)).update();
    }

    private long institution(String name) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """).params(name, LANTIAN).query(Long.class).single();
    }

    /** An open finding of a submitted inspection of the institution (fire equipment, red). */
    private long finding(long institution) {
        long inspection = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status,
                            inspector_name, representative_name, submitted_at, created_by)
                        SELECT ?, id, ?, 'SUBMITTED', '检查员', '负责人', now(), 'street' FROM supervision_checklist WHERE version = 1
                        RETURNING id
                        """).params(institution, TestDates.today()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO supervision_result (inspection_id, item_id, outcome, note)
                SELECT ?, it.id, 'FAIL', '灭火器过期' FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                WHERE c.version = 1 AND it.position = 10
                """).param(inspection).update();
        return jdbc.sql("""
                        INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                        SELECT ?, r.item_id, ?, 'RED', r.note, now(), now() + interval '1 day'
                        FROM supervision_result r WHERE r.inspection_id = ? RETURNING id
                        """).params(inspection, institution, inspection).query(Long.class).single();
    }

    private long incident(long institution, String residents) {
        return jdbc.sql("""
                        INSERT INTO supervision_incident (institution_id, kind, occurred_at, residents, outcome, reported_by)
                        VALUES (?, 'FALL', now() - interval '1 day', ?, '已处置', 'street') RETURNING id
                        """).params(institution, residents).query(Long.class).single();
    }

    private long elder(String name) {
        while (true) {
            int day = ThreadLocalRandom.current().nextInt(20 * 12 * 28);
            LocalDate birth = LocalDate.of(1925 + day / (12 * 28), 1 + day / 28 % 12, 1 + day % 28);
            String body = "110105" + birth.toString().replace("-", "")
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
            String candidate = body + ResidentId.checkCharacter(body);
            java.util.List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """).params(candidate, name, birth, LANTIAN).query(Long.class).list();
            if (!inserted.isEmpty()) {
                residentId = candidate;
                return inserted.get(0);
            }
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theManagerSeesTheirOwnInstitutionWithResidentsMaskedAndNothingElse() throws Exception {
        mvc.perform(get("/institutions/mine").with(as("im.home"))).andExpect(redirectedUrl("/institutions/" + home));
        mvc.perform(get("/institutions/{id}", home).with(as("im.home")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("管理员测试颐养院")))
                .andExpect(content().string(containsString("钱*")))
                .andExpect(content().string(not(containsString("钱秀英"))))
                .andExpect(content().string(not(containsString(residentId))))
                .andExpect(content().string(not(containsString("/elders/"))))
                // read only: no bed, admission or discharge forms
                .andExpect(content().string(not(containsString("admission-form"))))
                .andExpect(content().string(not(containsString("beds-form"))))
                .andExpect(content().string(containsString("id=\"supervision-card\"")));
        // another institution: not found, like a record outside one's region
        mvc.perform(get("/institutions/{id}", other).with(as("im.home"))).andExpect(status().isNotFound());
        // the rest of the application stays closed
        for (String path : new String[] {"/institutions", "/elders", "/waiting-list", "/caregivers", "/dashboard",
                "/supervision/inspections", "/supervision/checklists", "/home-care", "/visits"}) {
            mvc.perform(get(path).with(as("im.home"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/").with(as("im.home"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/institutions/mine")));
        mvc.perform(get("/institutions/mine").with(as("district"))).andExpect(status().isForbidden());
    }

    @Test
    void findingsAndIncidentsOfAnotherInstitutionAreNotFound() throws Exception {
        mvc.perform(get("/supervision/findings").param("show", "ALL").with(as("im.home")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-finding=\"" + homeFinding + "\"")))
                .andExpect(content().string(not(containsString("data-finding=\"" + otherFinding + "\""))))
                // no way into the pages closed to them (the inspections)
                .andExpect(content().string(not(containsString("href=\"/supervision/inspections"))));
        mvc.perform(get("/supervision/findings/{id}", homeFinding).with(as("im.home"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("rectification-form")))
                .andExpect(content().string(not(containsString("close-form"))))
                .andExpect(content().string(not(containsString("href=\"/supervision/inspections"))));
        mvc.perform(get("/supervision/findings/{id}", otherFinding).with(as("im.home"))).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/findings/{id}/rectification", otherFinding).with(as("im.home")).with(csrf())
                .param("rectification", "已整改")).andExpect(status().isNotFound());
        // staff's part stays staff's
        mvc.perform(post("/supervision/findings/{id}/close", homeFinding).with(as("im.home")).with(csrf())
                .param("recheck", "自查合格")).andExpect(status().isForbidden());
        mvc.perform(post("/supervision/findings/{id}/deadline", homeFinding).with(as("im.home")).with(csrf())
                .param("deadline", TestDates.today().plusDays(30).atTime(9, 0).toString())).andExpect(status().isForbidden());

        mvc.perform(get("/supervision/incidents").with(as("im.home"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-incident=\"" + homeIncident + "\"")))
                .andExpect(content().string(not(containsString("data-incident=\"" + otherIncident + "\""))))
                .andExpect(content().string(not(containsString("别家测试护理院"))));
        mvc.perform(get("/supervision/incidents/{id}", homeIncident).with(as("im.home"))).andExpect(status().isOk());
        mvc.perform(get("/supervision/incidents/{id}", otherIncident).with(as("im.home"))).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/incidents/{id}/review", homeIncident).with(as("im.home")).with(csrf())
                .param("review", "已阅")).andExpect(status().isForbidden());

        // reporting: for their own institution; another's is not found and nothing is written
        String at = TestDates.today().minusDays(1).atTime(8, 30).toString();
        mvc.perform(post("/supervision/incidents").with(as("im.home")).with(csrf())
                        .param("institutionId", Long.toString(home)).param("kind", "SCALD").param("occurredAt", at)
                        .param("residents", "住养老人 孙某").param("outcome", "轻度烫伤，已处理"))
                .andExpect(redirectedUrlPattern("/supervision/incidents/*"));
        mvc.perform(post("/supervision/incidents").with(as("im.home")).with(csrf())
                        .param("institutionId", Long.toString(other)).param("kind", "SCALD").param("occurredAt", at)
                        .param("residents", "住养老人 孙某").param("outcome", "轻度烫伤，已处理"))
                .andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM supervision_incident WHERE kind = 'SCALD' AND institution_id = ?", home)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM supervision_incident WHERE kind = 'SCALD' AND institution_id = ?", other)).isZero();
    }

    @Test
    void theManagerAnswersWithEvidenceAndTheDistrictClosesOnlyWithIt() throws Exception {
        // a note alone: saved, but the finding cannot be closed on it
        mvc.perform(post("/supervision/findings/{id}/rectification", homeFinding).with(as("im.home")).with(csrf())
                        .param("rectification", "已更换灭火器"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        mvc.perform(post("/supervision/findings/{id}/close", homeFinding).with(as("district")).with(csrf())
                        .param("recheck", "复查合格"))
                .andExpect(flash().attribute("flashError", "instmgr.finding.error.noEvidenceFile"));
        assertThat(count("SELECT count(*) FROM supervision_finding WHERE id = ? AND closed_at IS NOT NULL", homeFinding)).isZero();

        // a file that is neither photo nor PDF (whatever its name says), and one too large: refused, nothing written
        mvc.perform(multipart("/supervision/findings/{id}/rectification", homeFinding)
                        .file(new MockMultipartFile("evidence", "photo.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()))
                        .with(as("im.home")).with(csrf()).param("rectification", "附照片"))
                .andExpect(flash().attribute("flashError", "instmgr.attachment.error.type"));
        byte[] large = new byte[(int) EvidenceFiles.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        mvc.perform(multipart("/supervision/findings/{id}/rectification", homeFinding)
                        .file(new MockMultipartFile("evidence", "big.pdf", "application/pdf", large))
                        .with(as("im.home")).with(csrf()).param("rectification", "附文件"))
                .andExpect(flash().attribute("flashError", "instmgr.attachment.error.tooLarge"));
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE finding_id = ?", homeFinding)).isZero();

        mvc.perform(multipart("/supervision/findings/{id}/rectification", homeFinding)
                        .file(new MockMultipartFile("evidence", "灭火器.png", "image/png", PNG))
                        .with(as("im.home")).with(csrf()).param("rectification", "已更换灭火器，附照片"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        long photo = jdbc.sql("SELECT id FROM supervision_attachment WHERE finding_id = ?").param(homeFinding)
                .query(Long.class).single();
        // shown on the finding page as an image
        mvc.perform(get("/supervision/findings/{id}", homeFinding).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"/supervision/attachments/" + photo + "\"")));
        mvc.perform(post("/supervision/findings/{id}/close", homeFinding).with(as("district")).with(csrf())
                        .param("recheck", "复查合格"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.closed"));
        // the audit log names neither the file nor anyone in it
        assertThat(count("""
                SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_FINDING_RECTIFIED' AND entity_id = ?
                  AND details::text LIKE '%attachmentId%' AND details::text NOT LIKE '%灭火器.png%'
                """, Long.toString(homeFinding))).isEqualTo(1);
    }

    @Test
    void attachmentsAreServedOnlyWithinScope() throws Exception {
        mvc.perform(multipart("/supervision/findings/{id}/rectification", homeFinding)
                        .file(new MockMultipartFile("evidence", "整改报告.pdf", "application/pdf", PDF))
                        .with(as("im.home")).with(csrf()).param("rectification", "整改报告见附件"))
                .andExpect(flash().attribute("flashSuccess", "supervision.finding.rectified"));
        long file = jdbc.sql("SELECT id FROM supervision_attachment WHERE finding_id = ?").param(homeFinding)
                .query(Long.class).single();
        for (String user : new String[] {"im.home", "district", "street"}) {
            mvc.perform(get("/supervision/attachments/{id}", file).with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(content().bytes(PDF));
        }
        // another institution's manager: not found; roles without supervision pages: refused
        mvc.perform(get("/supervision/attachments/{id}", file).with(as("im.other"))).andExpect(status().isNotFound());
        for (String user : new String[] {"community", "provider", "visitor"}) {
            mvc.perform(get("/supervision/attachments/{id}", file).with(as(user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void anInspectionItemCarriesAPhotoTakenOnTheSpot() throws Exception {
        String location = mvc.perform(post("/supervision/inspections").with(as("street")).with(csrf())
                        .param("institutionId", Long.toString(home)))
                .andExpect(redirectedUrlPattern("/supervision/inspections/*")).andReturn().getResponse().getRedirectedUrl();
        long inspection = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        java.util.List<Long> items = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_inspection s ON s.checklist_id = it.checklist_id
                        WHERE s.id = ? ORDER BY it.position
                        """).param(inspection).query(Long.class).list();
        long fire = items.get(0);
        var form = multipart("/supervision/inspections/{id}", inspection)
                .with(as("street")).with(csrf())
                .param("inspectorName", "李强").param("representativeName", "王院长");
        for (long item : items) {
            form.param("outcome_" + item, item == fire ? "FAIL" : "PASS");
        }
        // not an image: the form again with the message, nothing written
        mvc.perform(form.file(new MockMultipartFile("photo_" + fire, "x.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("检查照片只能是 JPG 或 PNG 图片")));
        assertThat(count("SELECT count(*) FROM supervision_result WHERE inspection_id = ?", inspection)).isZero();

        var again = multipart("/supervision/inspections/{id}", inspection)
                .file(new MockMultipartFile("photo_" + fire, "fire.png", "image/png", PNG))
                .with(as("street")).with(csrf())
                .param("inspectorName", "李强").param("representativeName", "王院长")
                .param("note_" + fire, "灭火器过期");
        for (long item : items) {
            again.param("outcome_" + item, item == fire ? "FAIL" : "PASS");
        }
        mvc.perform(again).andExpect(redirectedUrlPattern("/supervision/inspections/*"));
        long photo = jdbc.sql("SELECT id FROM supervision_attachment WHERE inspection_id = ? AND item_id = ?")
                .params(inspection, fire).query(Long.class).single();
        long finding = jdbc.sql("SELECT id FROM supervision_finding WHERE inspection_id = ?").param(inspection)
                .query(Long.class).single();
        // the photo on the inspection and on the finding the institution's manager answers
        mvc.perform(get("/supervision/inspections/{id}", inspection).with(as("street")))
                .andExpect(content().string(containsString("/supervision/attachments/" + photo)));
        mvc.perform(get("/supervision/findings/{id}", finding).with(as("im.home")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/supervision/attachments/" + photo)));
        mvc.perform(get("/supervision/attachments/{id}", photo).with(as("im.home")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("inline")));
        mvc.perform(get("/supervision/attachments/{id}", photo).with(as("im.other"))).andExpect(status().isNotFound());
    }

    @Test
    void theAdministratorBindsAnInstitutionManagerToAnInstitution() throws Exception {
        // without the institution: the form again with a clear message, nobody created (never the database's CHECK)
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "im.new").param("displayName", "新机构负责人").param("role", "INSTITUTION_MANAGER")
                        .param("regionCode", "330105000000").param("password", "Yl-Strong-Pass-2026").param("passwordConfirm", "Yl-Strong-Pass-2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("养老机构负责人必须选择所属养老机构")));
        assertThat(count("SELECT count(*) FROM app_user WHERE username = 'im.new'")).isZero();

        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "im.new").param("displayName", "新机构负责人").param("role", "INSTITUTION_MANAGER")
                        .param("institutionId", Long.toString(home))
                        .param("password", "Yl-Strong-Pass-2026").param("passwordConfirm", "Yl-Strong-Pass-2026"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT region_code || '/' || institution_id FROM app_user WHERE username = 'im.new'")
                .query(String.class).single()).isEqualTo("330105000000/" + home);
        mvc.perform(get("/admin/users").param("q", "im.new").with(as("admin")))
                .andExpect(content().string(containsString("管理员测试颐养院")));

        // another role: the institution chosen by mistake is cleared, not refused by the database
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "street.new").param("displayName", "街道新人").param("role", "STREET_REVIEWER")
                        .param("regionCode", "330105001000").param("institutionId", Long.toString(home))
                        .param("password", "Yl-Strong-Pass-2026").param("passwordConfirm", "Yl-Strong-Pass-2026"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM app_user WHERE username = 'street.new' AND institution_id IS NULL")).isEqualTo(1);
    }
}
