package org.yinling.subsidy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.yinling.system.TestUsers.as;

/** A rule in plain words (issue 20 §6): labels, never codes; alternatives bracketed; both languages. */
@SpringBootTest
@AutoConfigureMockMvc
class RuleSummaryTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    RuleSummary summary;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoAllowanceReadsAsTheDistrictWouldSayIt() throws Exception {
        long gaoling = jdbc.sql("""
                        SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'
                        ORDER BY version DESC LIMIT 1""").query(Long.class).single();
        mvc.perform(get("/subsidies/policies/" + gaoling).with(as("district")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "规则概要：在册、本地户籍、80 周岁及以上。80–89 周岁：100.00 元；")));
        mvc.perform(get("/subsidies/policies/" + gaoling).param("lang", "en").with(as("district")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Rule in brief: Registered, Local household registration, aged 80 or over. aged 80–89: 100.00 yuan; ")));
    }

    @Test
    void alternativesNegationsAndNumbersInWords() {
        PolicyRule rule = new PolicyRule(new Eligibility(Connective.AND, List.of(
                CriterionGroup.all(Criterion.of(Attribute.HUKOU_LOCAL, Operator.EQ, "false"),
                        Criterion.of(Attribute.LIFE_STATUS, Operator.NE, "DECEASED")),
                CriterionGroup.any(Criterion.of(Attribute.LIVING_ARRANGEMENT, Operator.IN, "ALONE", "EMPTY_NEST"),
                        Criterion.of(Attribute.CAPABILITY_LEVEL, Operator.GE, "2")),
                CriterionGroup.all(Criterion.of(Attribute.INCOME_PER_PERSON, Operator.LT, "490")))),
                List.of(new Tier(Criterion.of(Attribute.AGE, Operator.LT, "70"), new BigDecimal("50")),
                        new Tier(null, new BigDecimal("80.5"))));
        assertThat(summary.eligibility(rule, ZH))
                .isEqualTo("非本地户籍、非已故、（独居或空巢或能力等级不低于 2）、家庭人均月收入（元）低于 490");
        assertThat(summary.tiers(rule, ZH)).containsExactly("不满 70 周岁：50.00 元", "其他符合条件者：80.50 元");
        assertThat(summary.eligibility(rule, Locale.ENGLISH)).doesNotContain("ALONE", "EMPTY_NEST", "DECEASED",
                "HUKOU", "CAPABILITY");
    }
}
