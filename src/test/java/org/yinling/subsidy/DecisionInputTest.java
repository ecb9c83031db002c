package org.yinling.subsidy;

import java.nio.charset.StandardCharsets;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 17, L5: decisions and withdrawals a page never sends. The decision form sends approve, return or reject;
 * the other steps of the log (submit, resubmit, withdraw, conclude) were accepted there and failed with a 500. A
 * withdrawal's note was not validated, and one over 500 characters failed in the database with a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionInputTest {

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
    void theDecisionFormTakesOnlyReviewDecisions() throws Exception {
        long id = t.register(t.elderAged("决定输入测试", 85, ApplicationTestSupport.LANTIAN), t.agePolicy());
        for (String action : List.of("CONCLUDE", "SUBMIT", "WITHDRAW", "RESUBMIT")) {
            MvcResult result = t.decide("street", id, action, "x");
            assertThat(result.getResponse().getStatus()).as(action).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(action)
                    .contains("id=\"decision-action-error\"").contains("请选择同意、退回修改或不同意。");
            assertThat(t.stage(id)).as(action).isEqualTo("STREET_REVIEW");
        }
        assertThat(t.decisions(id)).containsExactly("SUBMIT");
        // the review decisions still work
        assertThat(t.decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");
    }

    @Test
    void aWithdrawalNoteOverFiveHundredCharactersIsRefusedWithAMessage() throws Exception {
        long id = t.register(t.elderAged("撤回说明测试", 82, ApplicationTestSupport.LANTIAN), t.agePolicy());
        mvc.perform(post("/subsidies/applications/" + id + "/withdraw").with(as("community")).with(csrf())
                        .param("lockVersion", String.valueOf(t.lockVersion(id))).param("note", "长".repeat(501)))
                .andExpect(flash().attribute("flashError", "application.withdrawal.invalid"));
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        // 500 characters are a note; whatever action a request names, this endpoint only withdraws
        mvc.perform(post("/subsidies/applications/" + id + "/withdraw").with(as("community")).with(csrf())
                        .param("lockVersion", String.valueOf(t.lockVersion(id))).param("note", "长".repeat(500))
                        .param("action", "APPROVE"))
                .andExpect(flash().attribute("flashSuccess", "application.withdrawn"));
        assertThat(t.stage(id)).isEqualTo("WITHDRAWN");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "WITHDRAW");
    }
}
