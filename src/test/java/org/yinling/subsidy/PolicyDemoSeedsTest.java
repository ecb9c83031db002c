package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The demo district's two policies exist once, published, and a second start adds nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PolicyDemoSeedsTest {

    @Autowired
    DemoPolicies demoPolicies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theSeedsExistOnceAfterASecondRun() throws Exception {
        demoPolicies.run(null);
        List<String> rows = jdbc.sql("""
                        SELECT code || ':' || version || ':' || status || ':' || region_code || ':' || effective_from
                            || ':' || automatic || ':' || demo
                        FROM subsidy_policy WHERE code IN ('GAOLING', 'JUJIA') ORDER BY code, version
                        """).query(String.class).list();
        assertThat(rows).containsExactly(
                "GAOLING:1:PUBLISHED:330105000000:2026-01-01:true:true",
                "JUJIA:1:PUBLISHED:330105000000:2026-01-01:false:true");
        long gaoling = jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'GAOLING'").query(Long.class).single();
        mvc.perform(get("/subsidies/policies/" + gaoling).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("高龄津贴")))
                .andExpect(content().string(containsString("80 – 89")))
                .andExpect(content().string(containsString("800.00")))
                .andExpect(content().string(containsString(LocalDate.of(2026, 1, 1) + " 起")));
    }
}
