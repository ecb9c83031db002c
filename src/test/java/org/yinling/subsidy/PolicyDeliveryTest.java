package org.yinling.subsidy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Policies deliver cash or a service budget: the form's rules, the store, the detail page in words, demo JUJIA. */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyDeliveryTest {

    static final String DISTRICT = "330105000000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubsidyPolicies policies;

    @Test
    void aServiceBudgetNeedsTheGovernmentShareAndACashPolicyHasNone() throws Exception {
        mvc.perform(form("TDELIV1").param("delivery", "SERVICE_BUDGET"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务额度须选择政府承担比例（全额或半额）")));
        mvc.perform(form("TDELIV2").param("delivery", "CASH").param("governmentShare", "0.50")
                        .param("budgetCarryOver", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("现金发放的政策没有政府承担比例")))
                .andExpect(content().string(containsString("只有服务额度可以结转")));
        mvc.perform(form("TDELIV3").param("delivery", "SERVICE_BUDGET").param("governmentShare", "0.75"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("政府承担比例只能是全额（100%）或半额（50%）")));
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_policy WHERE code LIKE 'TDELIV%'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aHalfServiceBudgetIsStoredAndItsDetailSaysWhatTheElderGets() throws Exception {
        String location = mvc.perform(form("TDELIVOK").param("delivery", "SERVICE_BUDGET")
                        .param("governmentShare", "0.5").param("budgetCarryOver", "true"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        Map<String, Object> row = jdbc.sql("""
                        SELECT delivery, government_share, budget_carry_over FROM subsidy_policy WHERE code = 'TDELIVOK'
                        """).query().singleRow();
        assertThat(row.get("delivery")).isEqualTo("SERVICE_BUDGET");
        assertThat((BigDecimal) row.get("government_share")).isEqualByComparingTo("0.50");
        assertThat(row.get("budget_carry_over")).isEqualTo(true);
        mvc.perform(get(location).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("每月 160 元服务额度，政府承担半额，其余由老人自付")))
                .andExpect(content().string(containsString("当月未用完的额度结转下月")));
        mvc.perform(get(location).with(as("district")).param("lang", "en"))
                .andExpect(content().string(containsString("A service budget of 160 yuan a month, half paid by the government")));
    }

    @Test
    void theDemoHomeCarePolicyOfSeed004IsAFullServiceBudget() throws Exception {
        long id = jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'JUJIA' AND status = 'PUBLISHED'")
                .query(Long.class).single();
        Policy jujia = policies.find(id).orElseThrow();
        assertThat(jujia.delivery()).isEqualTo(PolicyDelivery.SERVICE_BUDGET);
        assertThat(jujia.governmentShare()).isEqualByComparingTo("1.00");
        assertThat(jujia.budgetCarryOver()).isFalse();
        assertThat(DemoPolicies.jujia().serviceBudget()).isTrue();
        mvc.perform(get("/subsidies/policies/" + id).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("每月 160 元服务额度，政府全额承担")));
    }

    private MockHttpServletRequestBuilder form(String code) {
        return post("/subsidies/policies").with(as("district")).with(csrf())
                .param("code", code).param("name", "测试服务额度").param("kind", "HOME_CARE_SERVICE")
                .param("regionCode", DISTRICT).param("effectiveFrom", "2026-01-01").param("frequency", "MONTHLY")
                .param("backPayMonths", "0").param("connective", "AND")
                .param("groups[0].connective", "AND").param("groups[1].connective", "OR")
                .param("groups[2].connective", "AND")
                .param("groups[0].criteria[0].attribute", "AGE").param("groups[0].criteria[0].operator", "GE")
                .param("groups[0].criteria[0].value", "65")
                .param("amountMode", "FIXED").param("fixedAmount", "160")
                .param("lockVersion", "0");
    }
}
