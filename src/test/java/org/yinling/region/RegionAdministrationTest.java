package org.yinling.region;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

@SpringBootTest
@AutoConfigureMockMvc
class RegionAdministrationTest {

    private static final String SHANGTANG = "330105001000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoDistrictHasTenStreetsWithFourToEightCommunitiesUrbanAndRural() {
        assertThat(count("SELECT count(*) FROM region WHERE level = 'STREET' AND parent_code = '330105000000' AND demo"))
                .isEqualTo(10);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM region s WHERE s.level = 'STREET' AND s.demo
                        AND (SELECT count(*) FROM region c WHERE c.parent_code = s.code) NOT BETWEEN 4 AND 8
                        """).query(Integer.class).single()).isZero();
        assertThat(count("SELECT count(*) FROM region WHERE urban_rural_class LIKE '2%'")).isPositive();
        assertThat(count("SELECT count(*) FROM region WHERE urban_rural_class LIKE '1%'")).isPositive();
        assertThat(jdbc.sql("SELECT name FROM region WHERE code = :c").param("c", SHANGTANG).query(String.class).single())
                .isEqualTo("上塘街道");
    }

    @Test
    void listShowsChildrenWithTotalsComputedFromCommunities() throws Exception {
        int population = count("SELECT sum(registered_population) FROM region WHERE code LIKE '330105001%' AND level = 'COMMUNITY'");
        mvc.perform(get("/admin/regions").param("parent", "330105000000").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上塘街道")))
                .andExpect(content().string(containsString("康桥街道")))
                .andExpect(content().string(containsString(String.format("%,d", population))));
    }

    @Test
    void createsACommunityUnderAStreetAndAuditsIt() throws Exception {
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "330105001099").param("parentCode", SHANGTANG).param("name", "测试新社区")
                        .param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "4321"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/regions?parent=" + SHANGTANG));
        assertThat(jdbc.sql("SELECT level || ':' || registered_population || ':' || urban_rural_class FROM region WHERE code = '330105001099'")
                .query(String.class).single()).isEqualTo("COMMUNITY:4321:111");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'REGION_CREATED' AND entity_id = '330105001099' AND actor = 'admin'"))
                .isEqualTo(1);
    }

    @Test
    void refusesBadCodesWithClearMessagesAndWritesNothing() throws Exception {
        int before = count("SELECT count(*) FROM region");
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "33010500109").param("parentCode", SHANGTANG).param("name", "x")
                        .param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"))
                .andExpect(content().string(containsString("区划代码应为 12 位数字")));
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "330105002050").param("parentCode", SHANGTANG).param("name", "错上级")
                        .param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1"))
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "region.code.parentPrefix"));
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "330105001001").param("parentCode", SHANGTANG).param("name", "重复代码")
                        .param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1"))
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "region.code.taken"));
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "330105001098").param("parentCode", SHANGTANG).param("name", "蓝天社区")
                        .param("registeredPopulation", "-5"))
                .andExpect(model().attributeHasFieldErrors("form", "registeredPopulation"))
                .andExpect(model().attributeHasFieldErrorCode("form", "urbanRuralClass", "region.urbanRural.required"));
        assertThat(count("SELECT count(*) FROM region")).isEqualTo(before);
    }

    @Test
    void htmlInANameIsStoredAsTextAndShownEscaped() throws Exception {
        mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                        .param("code", "330105002097").param("parentCode", "330105002000")
                        .param("name", "<script>alert(1)</script>社区")
                        .param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "10"))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/regions").param("parent", "330105002000").with(as("admin")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;社区")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>alert(1)"))));
    }

    @Test
    void editingWithAStaleVersionSaysSomeoneElseChangedIt() throws Exception {
        String code = "330105003001";
        long version = jdbc.sql("SELECT version FROM region WHERE code = :c").param("c", code).query(Long.class).single();
        mvc.perform(post("/admin/regions/" + code).with(as("admin")).with(csrf())
                        .param("code", code).param("name", "半山社区").param("urbanRuralClass", "MAIN_URBAN")
                        .param("registeredPopulation", "5000").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/regions/" + code).with(as("admin")).with(csrf())
                        .param("code", code).param("name", "半山社区").param("urbanRuralClass", "MAIN_URBAN")
                        .param("registeredPopulation", "6000").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(jdbc.sql("SELECT registered_population FROM region WHERE code = :c").param("c", code)
                .query(Integer.class).single()).isEqualTo(5000);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

}
