package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The review chain through its pages: registration by the community with the eligibility explanation, street
 * review, district approval into publicity; the transitions nobody may make; regions; concurrent decisions;
 * duplicates; documents.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    PolicyStore policyStore;

    ApplicationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ApplicationTestSupport(mvc, jdbc, policyStore, passwordEncoder);
    }

    @Test
    void theFullChainFromCommunityToPublicity() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("链条测试", 91, ApplicationTestSupport.LANTIAN);

        // the form, started from the elder, offers the policy
        mvc.perform(get("/subsidies/applications/new").param("elderId", String.valueOf(elderId)).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(policy.code())));
        long id = t.register(elderId, policy);
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");

        // the detail page explains eligibility: each criterion with the elder's value, and the tier that applies
        mvc.perform(get("/subsidies/applications/" + id).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("符合条件")))
                .andExpect(content().string(containsString("年龄（周岁）")))
                .andExpect(content().string(containsString("第 2 档，500.00 元")))
                .andExpect(content().string(containsString(t.maskedId(elderId))))
                .andExpect(content().string(containsString("id=\"decision-approve\"")));
        // in English too
        mvc.perform(get("/subsidies/applications/" + id).param("lang", "en").with(as("street")))
                .andExpect(content().string(containsString("Eligibility explanation")))
                .andExpect(content().string(containsString("Tier 2, 500.00 yuan")));
        // the elder page loads the subsidy card with htmx
        mvc.perform(get("/elders/" + elderId).with(as("community")))
                .andExpect(content().string(containsString("hx-get=\"/subsidies/elders/" + elderId + "/summary\"")));
        // the clerk sees no review buttons, only the community's
        mvc.perform(get("/subsidies/applications/" + id).with(as("community")))
                .andExpect(content().string(not(containsString("id=\"decision-approve\""))))
                .andExpect(content().string(containsString("id=\"application-withdraw\"")));

        MvcResult street = t.decide("street", id, "APPROVE", "入户核实无误");
        assertThat(street.getResponse().getRedirectedUrl()).isEqualTo("/subsidies/applications/" + id);
        assertThat(street.getFlashMap().get("flashSuccess")).isEqualTo("application.decided.APPROVE");
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");

        t.decide("district", id, "APPROVE", "");
        assertThat(t.stage(id)).isEqualTo("PUBLICITY");
        assertThat(jdbc.sql("SELECT publicity_ends FROM subsidy_application WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today().plusDays(7));
        assertThat(jdbc.sql("SELECT approved_on FROM subsidy_application WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today());
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE", "APPROVE");
        assertThat(jdbc.sql("""
                        SELECT stage_from || '>' || stage_to || ':' || decided_by FROM subsidy_decision
                        WHERE application_id = ? AND action = 'APPROVE' ORDER BY id""")
                .param(id).query(String.class).list())
                .containsExactly("STREET_REVIEW>DISTRICT_REVIEW:street", "DISTRICT_REVIEW>PUBLICITY:district");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity = 'subsidy_application' AND entity_id = ? "
                        + "AND action = 'APPLICATION_DECIDED'").param(String.valueOf(id)).query(Integer.class).single())
                .isEqualTo(2);

        // the publicity notice lists the elder with the masked ID only
        String full = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elderId).query(String.class).single();
        mvc.perform(get("/subsidies/publicity/notice").with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("链条测试")))
                .andExpect(content().string(containsString(t.maskedId(elderId))))
                .andExpect(content().string(not(containsString(full))));
    }

    @Test
    void noTierActsBeforeTheTierBelowAndNobodyActsTwice() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("越级测试", 85, ApplicationTestSupport.LANTIAN), policy);

        // the district cannot act while the street has not
        MvcResult early = t.decide("district", id, "APPROVE", "");
        assertThat(early.getFlashMap().get("flashError")).isEqualTo("application.decision.notYourStage");
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        // nor the community on its own application
        assertThat(t.decide("community", id, "APPROVE", "").getFlashMap().get("flashError"))
                .isEqualTo("application.decision.notYourStage");

        // reject or return without a reason: a form error, nothing changes
        mvc.perform(post("/subsidies/applications/" + id + "/decision").with(as("street")).with(csrf())
                        .param("action", "REJECT").param("note", " ").param("lockVersion", String.valueOf(t.lockVersion(id))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("decisionForm", "note", "application.decision.reasonRequired"))
                .andExpect(content().string(containsString("请填写理由")));
        mvc.perform(post("/subsidies/applications/" + id + "/decision").with(as("street")).with(csrf())
                        .param("action", "RETURN").param("note", "").param("lockVersion", String.valueOf(t.lockVersion(id))))
                .andExpect(model().attributeHasFieldErrorCode("decisionForm", "note", "application.decision.reasonRequired"));
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");

        t.decide("street", id, "APPROVE", "");
        // a second street approval on a stage already passed is refused
        assertThat(t.decide("street", id, "APPROVE", "").getFlashMap().get("flashError"))
                .isEqualTo("application.decision.notYourStage");
        t.decide("district", id, "APPROVE", "");
        // publicity: no second approval by the district, but an objection may reject it
        assertThat(t.decide("district", id, "APPROVE", "").getFlashMap().get("flashError"))
                .isEqualTo("application.decision.notYourStage");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE", "APPROVE");
        t.decide("district", id, "REJECT", "公示期间收到异议：户籍已迁出");
        assertThat(t.stage(id)).isEqualTo("REJECTED");
        assertThat(t.decide("district", id, "RETURN", "再看看").getFlashMap().get("flashError"))
                .isEqualTo("application.decision.notYourStage");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE", "APPROVE", "REJECT");
    }

    @Test
    void aReturnedApplicationIsCorrectedAndResubmittedByTheCommunity() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("退回测试", 82, ApplicationTestSupport.LANTIAN), policy);
        t.decide("street", id, "RETURN", "银行账号有误");
        assertThat(t.stage(id)).isEqualTo("RETURNED");

        mvc.perform(get("/subsidies/reviews").with(as("community")))
                .andExpect(content().string(containsString("退回测试")));
        mvc.perform(get("/subsidies/applications/" + id + "/edit").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("银行账号有误")));
        mvc.perform(post("/subsidies/applications/" + id + "/resubmit").with(as("community")).with(csrf())
                        .param("elderId", "0").param("policyId", String.valueOf(policy.id()))
                        .param("payeeBank", "中国工商银行").param("payeeAccount", "6222020000000000002")
                        .param("notes", "已更正账号").param("lockVersion", String.valueOf(t.lockVersion(id))))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", "application.resubmitted"));
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        assertThat(jdbc.sql("SELECT payee_account FROM subsidy_application WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("6222020000000000002");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "RETURN", "RESUBMIT");
        // a further document, while the street has not acted yet
        mvc.perform(multipart("/subsidies/applications/" + id + "/attachments").file(new MockMultipartFile("file",
                                "bank.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2}))
                        .with(as("community")).with(csrf()).param("documentType", "BANK_CARD").param("documentNumber", "6222"))
                .andExpect(flash().attribute("flashSuccess", "application.attachment.added"));
        assertThat(jdbc.sql("SELECT content_type FROM subsidy_attachment WHERE application_id = ?").param(id)
                .query(String.class).single()).isEqualTo("image/png");
        mvc.perform(multipart("/subsidies/applications/" + id + "/attachments").with(as("street")).with(csrf())
                        .param("documentType", "OTHER"))
                .andExpect(flash().attribute("flashError", "application.decision.notYourStage"));
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_attachment WHERE application_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        // the street cannot resubmit for the community
        mvc.perform(get("/subsidies/applications/" + id + "/edit").with(as("street"))).andExpect(status().isForbidden());
    }

    @Test
    void nobodySeesOrActsOutsideTheirRegion() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("范围测试乙", 88, ApplicationTestSupport.LANTIAN);
        MockMultipartFile pdf = new MockMultipartFile("file", "证明.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes());
        MvcResult created = mvc.perform(multipart("/subsidies/applications").file(pdf).with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id()))
                        .param("payeeBank", "中国银行").param("payeeAccount", "123456")
                        .param("documentType", "INCOME_PROOF").param("documentNumber", "NO-1"))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long attachmentId = jdbc.sql("SELECT id FROM subsidy_attachment WHERE application_id = ?").param(id)
                .query(Long.class).single();

        for (String outsider : List.of("xiangfu.reviewer", "guashan.clerk")) {
            mvc.perform(get("/subsidies/applications/" + id).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/subsidies/applications/" + id + "/attachments/" + attachmentId).with(as(outsider)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/subsidies/applications/" + id + "/decision").with(as(outsider)).with(csrf())
                            .param("action", "APPROVE").param("lockVersion", String.valueOf(t.lockVersion(id))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/subsidies/elders/" + elderId + "/summary").with(as(outsider)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/subsidies/applications").param("q", "范围测试乙").with(as(outsider)))
                    .andExpect(content().string(not(containsString("范围测试乙</a>"))));
            mvc.perform(get("/subsidies/reviews").with(as(outsider)))
                    .andExpect(content().string(not(containsString("范围测试乙"))));
        }
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        // the application's own street sees it, downloads the document and finds it in its queue
        mvc.perform(get("/subsidies/applications/" + id + "/attachments/" + attachmentId).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes("%PDF-1.4 test".getBytes()));
        mvc.perform(get("/subsidies/reviews").with(as("street")))
                .andExpect(content().string(containsString("范围测试乙")));
        mvc.perform(get("/subsidies/applications").param("q", "范围测试乙").with(as("community")))
                .andExpect(content().string(containsString("范围测试乙</a>")));
        mvc.perform(get("/subsidies/elders/" + elderId + "/summary").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(policy.name())));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'APPLICATION_ATTACHMENT_DOWNLOADED' "
                + "AND entity_id = ?").param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotPdfJpegOrPngIsRefused() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("文件测试", 83, ApplicationTestSupport.LANTIAN);
        MockMultipartFile fake = new MockMultipartFile("file", "scan.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes());
        mvc.perform(multipart("/subsidies/applications").file(fake).with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id()))
                        .param("documentType", "ID_CARD"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件须为 PDF、JPEG 或 PNG 格式")));
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_application WHERE elder_id = ?").param(elderId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void twoDecisionsOnTheSameVersionOneWinsTheOtherIsToldAndChangesNothing() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("并发测试", 86, ApplicationTestSupport.LANTIAN), policy);
        long seen = t.lockVersion(id);
        ensureSecondStreetReviewer();

        MvcResult first = t.decide("street", id, "APPROVE", "", seen);
        MvcResult second = t.decide("shangtang.reviewer2", id, "RETURN", "材料不全", seen);
        assertThat(first.getFlashMap().get("flashSuccess")).isEqualTo("application.decided.APPROVE");
        assertThat(second.getFlashMap().get("flashError")).isEqualTo("application.changedByOthers");
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE");
        mvc.perform(get("/subsidies/applications/" + id).with(as("street"))
                        .with(org.yinling.system.FlashInput.flash("flashError", "application.changedByOthers")))
                .andExpect(content().string(containsString("已被他人办理或修改")));
    }

    @Test
    void twoSimultaneousDecisionsOnTheSameVersionLeaveExactlyOneDecision() throws Exception {
        Policy policy = t.agePolicy();
        ensureSecondStreetReviewer();
        for (int round = 0; round < 5; round++) {
            long id = t.register(t.elderAged("同时测试" + round, 86, ApplicationTestSupport.LANTIAN), policy);
            long seen = t.lockVersion(id);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<MvcResult> approve = pool.submit(() -> {
                    start.await();
                    return t.decide("street", id, "APPROVE", "", seen);
                });
                java.util.concurrent.Future<MvcResult> giveBack = pool.submit(() -> {
                    start.await();
                    return t.decide("shangtang.reviewer2", id, "RETURN", "材料不全", seen);
                });
                start.countDown();
                List<Object> outcomes = List.of(
                        approve.get().getFlashMap().getOrDefault("flashSuccess", "error:" + approve.get().getFlashMap().get("flashError")),
                        giveBack.get().getFlashMap().getOrDefault("flashSuccess", "error:" + giveBack.get().getFlashMap().get("flashError")));
                assertThat(outcomes).filteredOn(o -> o.toString().startsWith("application.decided.")).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o.equals("error:application.changedByOthers")).hasSize(1);
            }
            finally {
                pool.shutdown();
            }
            assertThat(t.decisions(id)).hasSize(2).startsWith("SUBMIT");
            assertThat(t.stage(id)).isIn("DISTRICT_REVIEW", "RETURNED");
            assertThat(t.lockVersion(id)).isEqualTo(seen + 1);
        }
    }

    @Test
    void duplicatesInactiveEldersAndEldersWhoDoNotQualifyAreRefusedWithTheReason() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("重复测试", 84, ApplicationTestSupport.LANTIAN);
        t.register(elderId, policy);
        mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已有一份该补贴的申请正在办理")));

        long young = t.elderAged("年轻测试", 70, ApplicationTestSupport.LANTIAN);
        mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(young)).param("policyId", String.valueOf(policy.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不符合该补贴的条件")))
                .andExpect(content().string(containsString("id=\"refusal-explanation\"")))
                .andExpect(content().string(containsString("不符合")));

        long gone = t.elderAged("迁出测试", 90, ApplicationTestSupport.LANTIAN);
        jdbc.sql("UPDATE elder SET life_status = 'MOVED_OUT', life_status_date = ? WHERE id = ?")
                .params(TestDates.today(), gone).update();
        mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(gone)).param("policyId", String.valueOf(policy.id())))
                .andExpect(content().string(containsString("已去世或迁出")));

        // the street cannot register applications (社区受理)
        mvc.perform(post("/subsidies/applications").with(as("street")).with(csrf())
                        .param("elderId", String.valueOf(young)).param("policyId", String.valueOf(policy.id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anElderWithAnActiveEntitlementCannotApplyAgain() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("已享受测试", 93, ApplicationTestSupport.LANTIAN);
        t.approvedEntitlement(elderId, policy);
        mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已在享受该补贴，不能重复申请")));
    }

    @Test
    void theCommunityWithdrawsAnOpenApplication() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("撤回测试", 81, ApplicationTestSupport.LANTIAN), policy);
        mvc.perform(post("/subsidies/applications/" + id + "/withdraw").with(as("community")).with(csrf())
                        .param("lockVersion", String.valueOf(t.lockVersion(id))))
                .andExpect(flash().attribute("flashSuccess", "application.withdrawn"));
        assertThat(t.stage(id)).isEqualTo("WITHDRAWN");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "WITHDRAW");
    }

    private void ensureSecondStreetReviewer() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('shangtang.reviewer2', '上塘二', :hash, 'STREET_REVIEWER', '330105001000')
                        ON CONFLICT DO NOTHING
                        """)
                .param("hash", passwordEncoder.encode("Secret123")).update();
    }
}
