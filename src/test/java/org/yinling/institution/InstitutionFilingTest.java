package org.yinling.institution;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Institutions are registered by filing (备案, issue 21 §6; the 设立许可 was abolished, seed 003): the filing date and
 * receipt number on the form and page, validated; an old licence number stays on the record as history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstitutionFilingTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder form(String path, String name) {
        return post(path).with(as("district")).with(csrf())
                .param("name", name).param("kind", "PRIVATE_HOME").param("ownership", "PRIVATE")
                .param("communityCode", LANTIAN).param("status", "OPERATING").param("medicalArrangement", "AGREEMENT");
    }

    @Test
    void aNewInstitutionIsFiledWithDateAndReceipt() throws Exception {
        // the form asks for the filing, not a licence
        mvc.perform(get("/institutions/new").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("备案回执号")))
                .andExpect(content().string(not(containsString("name=\"licenceNumber\""))));
        // half a filing, or one in the future: refused with messages, nothing written
        mvc.perform(form("/institutions", "备案测试甲").param("filingDate", "2025-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("填写了备案日期，请同时填写备案回执号。")));
        mvc.perform(form("/institutions", "备案测试甲").param("filingReceipt", "拱民养备〔2025〕12号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("填写了备案回执号，请同时填写备案日期。")));
        mvc.perform(form("/institutions", "备案测试甲").param("filingReceipt", "R-1")
                        .param("filingDate", TestDates.today().plusDays(3).toString()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The filing date cannot be later than today.")));
        mvc.perform(form("/institutions", "备案测试甲").param("filingReceipt", "<script>").param("filingDate", "2025-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("备案回执号不能包含尖括号或控制字符。")));
        assertThat(jdbc.sql("SELECT count(*) FROM institution WHERE name = '备案测试甲'").query(Long.class).single())
                .isZero();

        String location = mvc.perform(form("/institutions", "备案测试甲").param("filingReceipt", "拱民养备〔2025〕12号")
                        .param("filingDate", "2025-03-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("district")))
                .andExpect(content().string(containsString("拱民养备〔2025〕12号（2025-03-01 备案）")))
                .andExpect(content().string(not(containsString("原设立许可证"))));
        // found by its receipt number
        mvc.perform(get("/institutions").param("q", "拱民养备〔2025〕12号").with(as("district")))
                .andExpect(content().string(containsString("备案测试甲")));
    }

    @Test
    void anOldLicenceStaysAsHistoryThroughAnEdit() throws Exception {
        long id = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, licence_number, licence_date, community_code,
                            medical_arrangement, created_by, updated_by)
                        VALUES ('许可历史测试', 'PRIVATE_HOME', 'PRIVATE', '浙民养许字0815号', DATE '2016-05-01', ?,
                            'AGREEMENT', 'test', 'test') RETURNING id
                        """)
                .param(LANTIAN).query(Long.class).single();
        mvc.perform(get("/institutions/{id}", id).with(as("district")))
                .andExpect(content().string(containsString("原设立许可证（已取消）")))
                .andExpect(content().string(containsString("浙民养许字0815号 2016-05-01")))
                .andExpect(content().string(containsString("未录入备案信息")));
        mvc.perform(get("/institutions/{id}/edit", id).with(as("district")))
                .andExpect(content().string(containsString("原设立许可证号 浙民养许字0815号（2016-05-01）保留为历史记录")));
        // the edit files it; the licence is neither asked for nor lost
        mvc.perform(form("/institutions/" + id, "许可历史测试").param("version", "0")
                        .param("filingReceipt", "拱民养备〔2026〕3号").param("filingDate", "2026-01-05"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT licence_number || ' ' || licence_date || ' ' || filing_receipt FROM institution "
                + "WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("浙民养许字0815号 2016-05-01 拱民养备〔2026〕3号");
        mvc.perform(get("/institutions/{id}", id).with(as("district")).param("lang", "en"))
                .andExpect(content().string(containsString("Former establishment licence (abolished)")))
                .andExpect(content().string(containsString("拱民养备〔2026〕3号 (filed 2026-01-05)")));
    }
}
