package org.yinling.homecare;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Providers through their pages: registration with its checks, editing under a lock, who sees which provider. */
@SpringBootTest
@AutoConfigureMockMvc
class ProviderControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProviderContracts contracts;

    /** A valid credit code no test used before. */
    static String newCreditCode() {
        StringBuilder code = new StringBuilder("913301");
        for (int i = 0; i < 11; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name, String code,
                                               String from, String to) {
        return request.with(csrf()).param("name", name).param("creditCode", code).param("kind", "HOME_SERVICE")
                .param("contractFrom", from).param("contractTo", to).param("communities", "330105001001")
                .param("payeeBank", "测试银行").param("payeeAccount", "6222000011112222333")
                .param("contactName", "测试").param("contactPhone", "0571-88000000").param("status", "ACTIVE");
    }

    @Test
    void districtStaffRegisterAProviderThatTakesOrdersInItsCommunitiesWhileTheContractRuns() throws Exception {
        String code = newCreditCode();
        LocalDate today = TestDates.today();
        mvc.perform(form(post("/home-care/providers"), "测试服务社", code, today.minusYears(1).toString(),
                        today.plusDays(10).toString()).with(as("district")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/home-care/providers/*"));
        long id = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = ?").param(code).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_PROVIDER_CREATED' AND entity_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);

        mvc.perform(get("/home-care/providers/{id}", id).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6222000011112222333")))
                .andExpect(content().string(containsString("10 天后到期")))
                .andExpect(model().attribute("missedVisits", 0L));
        // a visit due 45 minutes ago with no check-in is a missed visit on the provider's page (the orders' rule)
        jdbc.sql("""
                INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, scheduled_at, state,
                                             unit_price, quantity, amount, government_share, ad_hoc, created_by)
                SELECT (SELECT min(id) FROM elder WHERE community_code = '330105001001'), '330105001001',
                       date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, (SELECT min(id) FROM home_care_item),
                       ?, now() - INTERVAL '45 minutes', 'DISPATCHED', 40, 1, 40, 1.00, TRUE, 'test'
                """).param(id).update();
        mvc.perform(get("/home-care/providers/{id}", id).with(as("district")))
                .andExpect(model().attribute("missedVisits", 1L));
        // the manager sees the account masked
        mvc.perform(get("/home-care/providers/{id}", id).with(as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("6222000011112222333"))))
                .andExpect(content().string(containsString("622************2333")));
        // the search finds it by its code, the kind filter leaves it out
        mvc.perform(get("/home-care/providers").param("q", code.substring(0, 14)).with(as("district")))
                .andExpect(content().string(containsString("测试服务社")));
        mvc.perform(get("/home-care/providers").param("q", code).param("kind", "MEAL").with(as("district")))
                .andExpect(content().string(not(containsString("测试服务社"))));

        assertThat(contracts.takesOrders(id, "330105001001", today)).isTrue();
        assertThat(contracts.takesOrders(id, "330105001002", today)).as("a community it does not serve").isFalse();
        assertThat(contracts.takesOrders(id, "330105001001", today.plusDays(11))).as("after the contract").isFalse();
        jdbc.sql("UPDATE home_care_provider SET status = 'SUSPENDED' WHERE id = ?").param(id).update();
        assertThat(contracts.takesOrders(id, "330105001001", today)).as("suspended").isFalse();
        // the same rule set-based
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_provider p WHERE p.id = :id AND "
                        + ProviderContracts.takesOrders("p", "'330105001001'", "CAST(:day AS date)"))
                .param("id", id).param("day", today).query(Integer.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingWritten() throws Exception {
        String code = newCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        LocalDate today = TestDates.today();
        mvc.perform(form(post("/home-care/providers"), "错码服务社", wrong, today.toString(), today.plusYears(1).toString())
                        .with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校验位不正确")));
        mvc.perform(form(post("/home-care/providers"), "倒序服务社", code, today.toString(), today.minusDays(1).toString())
                        .with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("合同截止日期不能早于开始日期")));
        // the demo provider's code is taken
        mvc.perform(form(post("/home-care/providers"), "重复服务社", "52330105MJ1234567X", today.toString(),
                        today.plusYears(1).toString()).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已登记为另一家服务组织")));
        // a community of another district
        mvc.perform(form(post("/home-care/providers"), "外区服务社", code, today.toString(), today.plusYears(1).toString())
                        .param("communities", "110105001001").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只能选择本区的社区")));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_provider WHERE name IN ('错码服务社', '倒序服务社', '重复服务社', '外区服务社')")
                .query(Integer.class).single()).isZero();
        // only district staff register
        mvc.perform(form(post("/home-care/providers"), "街道服务社", code, today.toString(), today.plusYears(1).toString())
                        .with(as("street")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/home-care/providers/new").with(as("street"))).andExpect(status().isForbidden());
    }

    @Test
    void aConcurrentEditIsRefusedWithAClearMessage() throws Exception {
        String code = newCreditCode();
        LocalDate today = TestDates.today();
        mvc.perform(form(post("/home-care/providers"), "锁定服务社", code, today.toString(), today.plusYears(1).toString())
                .with(as("district"))).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = ?").param(code).query(Long.class).single();
        mvc.perform(form(post("/home-care/providers/{id}", id), "锁定服务社（改）", code, today.toString(),
                        today.plusYears(2).toString()).param("version", "0").with(as("district")))
                .andExpect(status().is3xxRedirection());
        // a second form opened at version 0
        mvc.perform(form(post("/home-care/providers/{id}", id), "锁定服务社（旧）", code, today.toString(),
                        today.plusYears(1).toString()).param("version", "0").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("刚被他人修改")));
        assertThat(jdbc.sql("SELECT name FROM home_care_provider WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("锁定服务社（改）");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_PROVIDER_UPDATED' AND entity_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aProviderManagerSeesOnlyTheirOwnProvider() throws Exception {
        long own = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ1234567X'").query(Long.class).single();
        long other = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ7654321T'").query(Long.class).single();
        mvc.perform(get("/home-care/providers").with(as("provider")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("蓝天居家养老服务中心")))
                .andExpect(content().string(not(containsString("祥符助老服务社"))));
        mvc.perform(get("/home-care/providers/{id}", own).with(as("provider")))
                .andExpect(status().isOk())
                // its care worker is listed
                .andExpect(content().string(containsString("赵芳")));
        mvc.perform(get("/home-care/providers/{id}", other).with(as("provider"))).andExpect(status().isNotFound());
        mvc.perform(get("/home-care/providers/{id}/edit", own).with(as("provider"))).andExpect(status().isForbidden());
        // the street of 祥符 sees the provider serving it, not 蓝天's
        mvc.perform(get("/home-care/providers").with(as("street")))
                .andExpect(content().string(containsString("蓝天居家养老服务中心")))
                .andExpect(content().string(not(containsString("祥符助老服务社"))));
    }
}
