package org.yinling.system;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Penetration test finding L2. Eight parallel imports of one clerk took all ten database connections (two failed as
 * "file corrupt", other users waited 6 s), and the policy simulation grew nested lists to index 255
 * ({@code groups[255].criteria[255].values[255]=1}: 3.3 s and 420 MB for eight requests). Imports being read are
 * limited per user and in all, background threads leave connections for pages, and bound lists are capped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackgroundWorkLimitsTest {

    private static final String IMPORTER = "limits.importer";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ThreadPoolTaskExecutor applicationTaskExecutor;

    @AfterEach
    void noImportLeftReading() {
        jdbc.sql("UPDATE elder_import SET state = 'FAILED' WHERE state = 'READING' AND created_by LIKE 'limits.%'")
                .update();
    }

    @Test
    void aThirdImportOfOneUserAndAFifthInAllWaitForTheOthersWithAMessage() throws Exception {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('limits.importer', '导入限额', '{noop}x', 'COMMUNITY_CLERK', '330105001001')
                ON CONFLICT DO NOTHING
                """).update();
        reading(IMPORTER, 2);
        int before = imports();
        mvc.perform(upload()).andExpect(flash().attribute("flashError", "import.busy.user"));
        assertThat(imports()).isEqualTo(before);

        jdbc.sql("UPDATE elder_import SET state = 'FAILED' WHERE state = 'READING' AND created_by = ?")
                .param(IMPORTER).update();
        reading("limits.others", 4);
        mvc.perform(upload()).andExpect(flash().attribute("flashError", "import.busy.all"));
        assertThat(imports()).isEqualTo(before + 4);
    }

    @Test
    void backgroundThreadsLeaveConnectionsForPages() throws Exception {
        int pool = dataSource.isWrapperFor(HikariDataSource.class) ? unwrap().getMaximumPoolSize() : 10;
        // Boot's default was eight core threads and no maximum; now as many as the pool allows beside four for pages
        assertThat(applicationTaskExecutor.getMaxPoolSize()).isEqualTo(AsyncConfiguration.threads(pool, 3, 4))
                .isLessThanOrEqualTo(Math.max(1, (pool - 4) / AsyncConfiguration.CONNECTIONS_PER_TASK));
        assertThat(applicationTaskExecutor.getCorePoolSize()).isEqualTo(applicationTaskExecutor.getMaxPoolSize());
        assertThat(AsyncConfiguration.threads(10, 3, 4)).isEqualTo(3);
        assertThat(AsyncConfiguration.threads(6, 3, 4)).isEqualTo(1);
        assertThat(AsyncConfiguration.threads(40, 3, 4)).isEqualTo(3);
    }

    @Test
    void deeplyIndexedFormsAreRefusedAndThePolicyFormKeepsToItsSlots() throws Exception {
        long policy = jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'")
                .query(Long.class).single();
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            // a valid simulation form plus the attack's parameter
            mvc.perform(post("/subsidies/simulation/{id}", policy).with(as("district")).with(csrf())
                            .param("connective", "AND").param("amountMode", "FIXED").param("fixedAmount", "100")
                            .param("groups[0].connective", "AND").param("groups[0].criteria[0].attribute", "AGE")
                            .param("groups[0].criteria[0].operator", "GE").param("groups[0].criteria[0].value", "80")
                            .param("groups[255].criteria[255].values[255]", "1"))
                    .andExpect(status().isBadRequest());
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for eight requests").isLessThan(2_000);
        // inside the binder's limit, but more groups than the form has: a message at the field, no simulation
        mvc.perform(post("/subsidies/simulation/{id}", policy).with(as("district")).with(csrf())
                        .param("connective", "AND").param("amountMode", "FIXED").param("fixedAmount", "100")
                        .param("groups[9].connective", "AND").param("groups[9].criteria[0].attribute", "AGE")
                        .param("groups[9].criteria[0].operator", "GE").param("groups[9].criteria[0].value", "80"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "connective", "policy.form.tooManyGroups"))
                .andExpect(model().attribute("result", (Object) null));
    }

    private HikariDataSource unwrap() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.test.web.servlet.RequestBuilder upload() {
        StringBuilder csv = new StringBuilder("身份证号,姓名\n");
        for (int i = 0; i < 2000; i++) {
            csv.append("11010519400101").append(String.format("%04d", i)).append(",限额").append(i).append('\n');
        }
        return multipart("/elders/import").file(new MockMultipartFile("file", "limits.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)))
                .param("mode", "SKIP").with(as(IMPORTER)).with(csrf());
    }

    private void reading(String user, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                            VALUES ('limits.xlsx', 'SKIP', 'READING', '330105001001', ?)
                            """)
                    .param(user).update();
        }
    }

    private int imports() {
        return jdbc.sql("SELECT count(*) FROM elder_import").query(Integer.class).single();
    }
}
