package org.yinling.subsidy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The review queues: what waits for whom, oldest first, and bulk approval of clean cases only. */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewQueueTest {

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
    void bulkApprovalApprovesCleanCasesOneByOneAndSkipsTheOthersWithTheReason() throws Exception {
        Policy policy = t.agePolicy();
        long clean = t.register(t.elderAged("批量甲", 85, ApplicationTestSupport.LANTIAN), policy);
        long noPayee = registerWithoutPayee(t.elderAged("批量乙", 86, ApplicationTestSupport.LANTIAN), policy);
        long notLocal = t.register(t.elderAged("批量丙", 87, ApplicationTestSupport.LANTIAN), policy);
        jdbc.sql("UPDATE elder SET hukou_local = FALSE WHERE id = (SELECT elder_id FROM subsidy_application WHERE id = ?)")
                .param(notLocal).update();
        long stale = t.register(t.elderAged("批量丁", 88, ApplicationTestSupport.LANTIAN), policy);

        // the street's queue, oldest first, says which are clean and why the others are not
        mvc.perform(get("/subsidies/reviews").param("policy", policy.code()).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(stringContainsInOrder("批量甲", "无疑问", "批量乙", "缺少收款账户",
                        "批量丙", "按今天的情况已不符合条件", "批量丁")));
        // the district's queue does not hold them yet
        mvc.perform(get("/subsidies/reviews").param("policy", policy.code()).with(as("district")))
                .andExpect(content().string(not(containsString("批量甲"))));

        MvcResult result = mvc.perform(post("/subsidies/reviews/approve").with(as("street")).with(csrf())
                        .param("selected", clean + ":" + t.lockVersion(clean), noPayee + ":" + t.lockVersion(noPayee),
                                notLocal + ":" + t.lockVersion(notLocal), stale + ":" + (t.lockVersion(stale) + 7)))
                .andExpect(status().isFound()).andReturn();
        @SuppressWarnings("unchecked")
        List<ApplicationService.BulkLine> report = (List<ApplicationService.BulkLine>) result.getFlashMap().get("bulkReport");
        assertThat(report).extracting(ApplicationService.BulkLine::id, ApplicationService.BulkLine::approved,
                        ApplicationService.BulkLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(clean, true, "application.bulk.approved"),
                        org.assertj.core.groups.Tuple.tuple(noPayee, false, "application.clean.payeeMissing"),
                        org.assertj.core.groups.Tuple.tuple(notLocal, false, "application.clean.notQualified"),
                        org.assertj.core.groups.Tuple.tuple(stale, false, "application.changedByOthers"));
        assertThat(t.stage(clean)).isEqualTo("DISTRICT_REVIEW");
        assertThat(t.decisions(clean)).containsExactly("SUBMIT", "APPROVE");
        for (long skipped : List.of(noPayee, notLocal, stale)) {
            assertThat(t.stage(skipped)).isEqualTo("STREET_REVIEW");
            assertThat(t.decisions(skipped)).containsExactly("SUBMIT");
        }
        // the report is shown on the queue page
        mvc.perform(get("/subsidies/reviews").with(as("street"))
                        .with(org.yinling.system.FlashInput.flash("bulkReport", report, "bulkApproved", 1L, "bulkSkipped", 3L)))
                .andExpect(content().string(containsString("已同意 1 份，跳过 3 份")));

        // now in the district's queue; bulk approval there moves it into publicity
        mvc.perform(get("/subsidies/reviews").param("policy", policy.code()).with(as("district")))
                .andExpect(content().string(containsString("批量甲")));
        mvc.perform(post("/subsidies/reviews/approve").with(as("district")).with(csrf())
                        .param("selected", clean + ":" + t.lockVersion(clean), noPayee + ":" + t.lockVersion(noPayee)))
                .andExpect(status().isFound());
        assertThat(t.stage(clean)).isEqualTo("PUBLICITY");
        assertThat(t.stage(noPayee)).isEqualTo("STREET_REVIEW");
    }

    @Test
    void aReviewerOfAnotherStreetCannotBulkApprove() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("批量外街", 85, ApplicationTestSupport.LANTIAN), policy);
        MvcResult result = mvc.perform(post("/subsidies/reviews/approve").with(as("xiangfu.reviewer")).with(csrf())
                        .param("selected", id + ":" + t.lockVersion(id)))
                .andExpect(status().isFound()).andReturn();
        @SuppressWarnings("unchecked")
        List<ApplicationService.BulkLine> report = (List<ApplicationService.BulkLine>) result.getFlashMap().get("bulkReport");
        assertThat(report).singleElement().satisfies(line -> {
            assertThat(line.approved()).isFalse();
            assertThat(line.messageKey()).isEqualTo("application.bulk.notFound");
            assertThat(line.elderName()).isNull();
        });
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
    }

    private long registerWithoutPayee(long elderId, Policy policy) throws Exception {
        MvcResult result = mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id())))
                .andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
