package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

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
 * The policy pages as district staff use them: the form with its messages, drafts, versions and publishing,
 * stale forms. Each test works on its own policy code and is rolled back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PolicyAdministrationTest {

    static final String DISTRICT = "330105000000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ruleProblemsAreShownAtTheirFieldsInChineseAndNothingIsSaved() throws Exception {
        mvc.perform(form(post("/subsidies/policies"), "TBAD", 0)
                        .param("groups[0].criteria[0].attribute", "AGE")
                        .param("groups[0].criteria[0].operator", "BETWEEN")
                        .param("groups[0].criteria[0].value", "90").param("groups[0].criteria[0].value2", "80")
                        .param("groups[1].criteria[2].attribute", "LIVING_ARRANGEMENT")
                        .param("groups[1].criteria[2].operator", "IN")
                        .param("amountMode", "TIERS")
                        .param("tiers[0].amount", "100")
                        .param("tiers[1].attribute", "AGE").param("tiers[1].operator", "GE")
                        .param("tiers[1].value", "90").param("tiers[1].amount", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("起始值不能大于结束值。")))
                .andExpect(content().string(containsString("“属于其中之一”需要至少选择一个值。")))
                .andExpect(content().string(containsString("不设条件的档次只能放在最后一档")))
                .andExpect(content().string(containsString("金额须大于 0、不超过 100,000 元")));
        assertThat(versions("TBAD")).isEmpty();
        // the code pattern, in English for an English user
        mvc.perform(form(post("/subsidies/policies"), "bad code", 0).param("lang", "en")
                        .param("groups[0].criteria[0].attribute", "AGE").param("groups[0].criteria[0].operator", "GE")
                        .param("groups[0].criteria[0].value", "80").param("amountMode", "FIXED").param("fixedAmount", "100"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A code consists of capital letters")));
    }

    @Test
    void aDraftIsPublishedThenRevisedAsVersionTwoWhichSupersedesVersionOne() throws Exception {
        String v1Location = mvc.perform(validForm(post("/subsidies/policies"), "TVERS", 0))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashSuccess", "policy.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long v1 = versions("TVERS").get(0);
        assertThat(v1Location).isEqualTo("/subsidies/policies/" + v1);
        mvc.perform(get(v1Location).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("草稿")))
                .andExpect(content().string(containsString("年龄（周岁）")))
                .andExpect(content().string(containsString("人员状态")))
                .andExpect(content().string(containsString("在册")));
        // editing the draft changes it in place
        mvc.perform(validForm(post("/subsidies/policies/" + v1), "TVERS", 0).with(set("name", "测试津贴改")))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashSuccess", "policy.updated"));
        assertThat(versions("TVERS")).containsExactly(v1);
        mvc.perform(post("/subsidies/policies/" + v1 + "/publish").with(as("district")).with(csrf())
                        .param("lockVersion", "1"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashSuccess", "policy.published"));
        assertThat(statusOf(v1)).isEqualTo("PUBLISHED");
        // editing the published version creates version 2 as a draft; version 1 stays in force meanwhile
        mvc.perform(get("/subsidies/policies/" + v1 + "/edit").with(as("district")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("测试津贴改")))
                .andExpect(content().string(containsString("保存后生成第 2 版草稿")));
        mvc.perform(validForm(post("/subsidies/policies/" + v1), "TVERS", 2)
                        .with(set("effectiveFrom", "2027-01-01")).with(set("fixedAmount", "120")))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashSuccess", "policy.versionCreated"));
        List<Long> both = versions("TVERS");
        assertThat(both).hasSize(2);
        long v2 = both.get(0);
        assertThat(statusOf(v2)).isEqualTo("DRAFT");
        assertThat(statusOf(v1)).isEqualTo("PUBLISHED");
        // only one draft at a time
        mvc.perform(validForm(post("/subsidies/policies/" + v1), "TVERS", 2))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该政策已有待发布的草稿")));
        mvc.perform(post("/subsidies/policies/" + v2 + "/publish").with(as("district")).with(csrf())
                        .param("lockVersion", "0"))
                .andExpect(status().isFound());
        assertThat(statusOf(v2)).isEqualTo("PUBLISHED");
        assertThat(statusOf(v1)).isEqualTo("SUPERSEDED");
        assertThat(jdbc.sql("SELECT effective_to FROM subsidy_policy WHERE id = ?").param(v1)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 12, 31));
        mvc.perform(get("/subsidies/policies/" + v2).with(as("district")))
                .andExpect(content().string(containsString("第 1 版")))
                .andExpect(content().string(containsString("已被新版本取代")))
                .andExpect(content().string(containsString("120.00")));
        // the list names policies, not codes: the version is found by its code and linked by its id
        mvc.perform(get("/subsidies/policies").param("q", "tvers").with(as("district")))
                .andExpect(content().string(containsString("/subsidies/policies/" + v2 + "\"")))
                .andExpect(content().string(not(containsString("TVERS"))))
                .andExpect(content().string(containsString("2027-01-01 起")));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity = 'subsidy_policy' AND entity_id IN (?, ?) ORDER BY id")
                .params(String.valueOf(v1), String.valueOf(v2)).query(String.class).list())
                .containsExactly("POLICY_CREATED", "POLICY_UPDATED", "POLICY_PUBLISHED", "POLICY_VERSION_CREATED",
                        "POLICY_PUBLISHED");
    }

    @Test
    void aStaleFormSaysSomeoneElseChangedThePolicy() throws Exception {
        mvc.perform(validForm(post("/subsidies/policies"), "TSTALE", 0)).andExpect(status().isFound());
        long id = versions("TSTALE").get(0);
        MockHttpServletRequestBuilder edit = validForm(post("/subsidies/policies/" + id), "TSTALE", 0)
                .with(set("name", "第一次修改"));
        mvc.perform(edit).andExpect(status().isFound());
        mvc.perform(validForm(post("/subsidies/policies/" + id), "TSTALE", 0).with(set("name", "第二次修改")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(jdbc.sql("SELECT name FROM subsidy_policy WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("第一次修改");
        // publishing or deleting with a stale lock version is refused as well
        mvc.perform(post("/subsidies/policies/" + id + "/publish").with(as("district")).with(csrf())
                        .param("lockVersion", "0"))
                .andExpect(flash().attribute("flashError", "form.concurrentEdit"));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
        mvc.perform(post("/subsidies/policies/" + id + "/delete").with(as("district")).with(csrf())
                        .param("lockVersion", "1"))
                .andExpect(flash().attribute("flashSuccess", "policy.deleted"));
        assertThat(versions("TSTALE")).isEmpty();
    }

    @Test
    void aCodeCanBeUsedByOnePolicyOnly() throws Exception {
        mvc.perform(validForm(post("/subsidies/policies"), "TDUP", 0)).andExpect(status().isFound());
        mvc.perform(validForm(post("/subsidies/policies"), "TDUP", 0))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该编码已被其他政策使用。")));
        assertThat(versions("TDUP")).hasSize(1);
    }

    @Test
    void theListFiltersByKindAndStatus() throws Exception {
        mvc.perform(validForm(post("/subsidies/policies"), "TLISTA", 0)).andExpect(status().isFound());
        mvc.perform(validForm(post("/subsidies/policies"), "TLISTB", 0).with(set("kind", "NURSING_CARE")))
                .andExpect(status().isFound());
        String a = "/subsidies/policies/" + versions("TLISTA").get(0) + "\"";
        String b = "/subsidies/policies/" + versions("TLISTB").get(0) + "\"";
        mvc.perform(get("/subsidies/policies").param("q", "TLIST").param("kind", "NURSING_CARE").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(b)))
                .andExpect(content().string(not(containsString(a))));
        mvc.perform(get("/subsidies/policies").param("q", "TLIST").param("status", "PUBLISHED").with(as("district")))
                .andExpect(content().string(not(containsString(b))));
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code, long lockVersion) {
        return request.with(as("district")).with(csrf())
                .param("code", code).param("name", "测试津贴").param("kind", "AGE_ALLOWANCE")
                .param("regionCode", DISTRICT).param("effectiveFrom", "2026-01-01").param("frequency", "MONTHLY")
                .param("backPayMonths", "0").param("connective", "AND")
                .param("groups[0].connective", "AND").param("groups[1].connective", "OR")
                .param("groups[2].connective", "AND")
                .param("lockVersion", Long.toString(lockVersion));
    }

    private MockHttpServletRequestBuilder validForm(MockHttpServletRequestBuilder request, String code, long lockVersion) {
        return form(request, code, lockVersion)
                .param("groups[0].criteria[0].attribute", "AGE").param("groups[0].criteria[0].operator", "GE")
                .param("groups[0].criteria[0].value", "80")
                .param("groups[0].criteria[1].attribute", "")
                .param("groups[0].criteria[2].attribute", "LIFE_STATUS").param("groups[0].criteria[2].operator", "EQ")
                .param("groups[0].criteria[2].choices", "LIFE_STATUS:ACTIVE", "HUKOU_LOCAL:true")
                .param("amountMode", "FIXED").with(set("fixedAmount", "100"));
    }

    /** Replaces a parameter the form helpers set (param() would add a second value). */
    private static RequestPostProcessor set(String name, String value) {
        return request -> {
            request.setParameter(name, value);
            return request;
        };
    }

    private List<Long> versions(String code) {
        return jdbc.sql("SELECT id FROM subsidy_policy WHERE code = ? ORDER BY version DESC").param(code)
                .query(Long.class).list();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM subsidy_policy WHERE id = ?").param(id).query(String.class).single();
    }

}
