package org.yinling.institution;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The construction subsidy through the review chain, and its one-time payment in a batch. */
@SpringBootTest
@AutoConfigureMockMvc
class ConstructionGrantTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void otherStreet() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('xiangfu.grants', 'x', ?, 'STREET_REVIEWER', '330105002000') ON CONFLICT DO NOTHING
                        """).param(passwordEncoder.encode("Secret123")).update();
    }

    @Test
    void aGrantGoesThroughTheChainAndIsPaidOnce() throws Exception {
        // 50–200 beds: seed 004's figure is not legible, so the tier has no rate until the district sets one
        long medium = institution("建设补贴测试中型院", "PRIVATE", 60);
        mvc.perform(post("/institutions/{id}/grants", medium).param("newBeds", "20").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashError", "grant.noRate"));
        long home = institution("建设补贴测试养老院", "PRIVATE", 210);     // over 200 beds: 3,000 a bed (seed 004)
        mvc.perform(post("/institutions/{id}/grants", home).param("newBeds", "20").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "grant.done"));
        long grant = jdbc.sql("SELECT id FROM construction_grant WHERE institution_id = ?").param(home)
                .query(Long.class).single();
        assertThat(stage(grant)).isEqualTo("STREET_REVIEW 60000.00");
        // one application at a time
        mvc.perform(post("/institutions/{id}/grants", home).param("newBeds", "5").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashError", "grant.already"));

        // the district cannot act before the street; another street cannot see it
        decide(home, grant, "APPROVE", "", "district").andExpect(flash().attribute("flashError", "grant.notAllowed"));
        mvc.perform(get("/institutions/{i}/grants/{g}", home, grant).with(as("xiangfu.grants")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/institutions/{i}/grants/{g}", home, grant).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"grant-approve\"")));
        mvc.perform(get("/institutions/{i}", home).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60,000.00")));
        decide(home, grant, "RETURN", "", "street").andExpect(flash().attribute("flashError", "grant.reasonRequired"));
        decide(home, grant, "APPROVE", "现场核实", "street").andExpect(flash().attribute("flashSuccess", "grant.done"));
        decide(home, grant, "APPROVE", "", "district").andExpect(flash().attribute("flashSuccess", "grant.done"));
        assertThat(stage(grant)).isEqualTo("PUBLICITY 60000.00");
        assertThat(jdbc.sql("SELECT publicity_ends FROM construction_grant WHERE id = ?").param(grant)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today().plusDays(7));

        conclude(home, grant).andExpect(flash().attribute("flashError", "grant.publicityRunning"));
        jdbc.sql("UPDATE construction_grant SET publicity_ends = CURRENT_DATE - 1 WHERE id = ?").param(grant).update();
        conclude(home, grant).andExpect(flash().attribute("flashSuccess", "grant.done"));
        assertThat(stage(grant)).isEqualTo("APPROVED 60000.00");
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM construction_grant_decision WHERE grant_id = ?")
                .param(grant).query(String.class).single()).isEqualTo("SUBMIT,APPROVE,APPROVE,CONCLUDE");
        assertThatThrownBy(() -> jdbc.sql("UPDATE construction_grant_decision SET note = 'x' WHERE grant_id = ?")
                .param(grant).update()).hasMessageContaining("insert-only");

        // paid once in the next batch generated, also when the generation is repeated
        long batch = batchFor(LocalDate.of(2039, 1, 1));
        jdbc.sql("UPDATE payment_batch SET state = 'GENERATING' WHERE id = ?").param(batch).update();
        mvc.perform(post("/payments/batches/{id}/resume", batch).with(as("district")).with(csrf()));
        awaitGenerated(batch);
        assertThat(jdbc.sql("SELECT kind || ' ' || amount FROM payment_payee_line WHERE grant_id = ?").param(grant)
                .query(String.class).list()).containsExactly("CONSTRUCTION 60000.00");
        long next = batchFor(LocalDate.of(2039, 2, 1));
        assertThat(jdbc.sql("SELECT count(*) FROM payment_payee_line WHERE batch_id = ? AND grant_id = ?")
                .params(next, grant).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyPrivateInstitutionsAndOnlyTheCommunityRegister() throws Exception {
        long publicHome = institution("建设补贴测试公办院", "PUBLIC", 30);
        mvc.perform(post("/institutions/{id}/grants", publicHome).param("newBeds", "5").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashError", "grant.notPrivate"));
        long home = institution("建设补贴测试民办院", "PRIVATE", 30);
        mvc.perform(post("/institutions/{id}/grants", home).param("newBeds", "31").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashError", "grant.bedsInvalid"));
        mvc.perform(post("/institutions/{id}/grants", home).param("newBeds", "5").with(as("street")).with(csrf()))
                .andExpect(flash().attribute("flashError", "grant.notAllowed"));
        mvc.perform(post("/institutions/{id}/grants", home).param("newBeds", "5").with(as("manager")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDistrictSetsItsOwnRatesOnlyAndNeverForAMonthBegun() throws Exception {
        String next = TestDates.today().withDayOfMonth(1).plusMonths(1).toString().substring(0, 7);
        mvc.perform(get("/institutions/rates").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rate-form-CONSTRUCTION\"")));
        mvc.perform(post("/institutions/rates").param("table", "INSTITUTION_OPERATING").param("region", "")
                        .param("from", next).param("amount.LOCAL", "60").with(as("street")).with(csrf()))
                .andExpect(status().isForbidden());
        // the city default is the administrator's
        mvc.perform(post("/institutions/rates").param("table", "INSTITUTION_OPERATING").param("region", "")
                        .param("from", next).param("amount.LOCAL", "60").with(as("district")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只能为本区或本区的街道设置标准")));
        mvc.perform(post("/institutions/rates").param("table", "INSTITUTION_OPERATING").param("region", "330105000000")
                        .param("from", next).param("amount.LOCAL", "abc").with(as("district")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("金额须为")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        String thisMonth = TestDates.today().toString().substring(0, 7);
        if (TestDates.today().getDayOfMonth() > 1) {
            mvc.perform(post("/institutions/rates").param("table", "INSTITUTION_OPERATING").param("region", "330105000000")
                            .param("from", thisMonth).param("amount.LOCAL", "70").with(as("district")).with(csrf()))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("起始月份须为尚未开始的月份")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM rate_version WHERE rate_table = 'INSTITUTION_OPERATING' AND region_code IS NOT NULL")
                .query(Integer.class).single()).isZero();
    }

    private long batchFor(LocalDate month) throws Exception {
        mvc.perform(post("/payments/batches").param("month", month.toString().substring(0, 7))
                .with(as("district")).with(csrf()));
        Long id = jdbc.sql("SELECT id FROM payment_batch WHERE month = ? AND state <> 'DISCARDED'").param(month)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // months far ahead are refused by the page: create it as the page would, and generate it
            id = jdbc.sql("""
                            INSERT INTO payment_batch (region_code, month, state, generated_by)
                            VALUES ('330105000000', ?, 'GENERATING', 'district') RETURNING id
                            """).param(month).query(Long.class).single();
            mvc.perform(post("/payments/batches/{id}/resume", id).with(as("district")).with(csrf()));
        }
        awaitGenerated(id);
        return id;
    }

    private void awaitGenerated(long batch) {
        await("batch " + batch + " generated").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT state FROM payment_batch WHERE id = ?").param(batch)
                        .query(String.class).single(), equalTo("GENERATED"));
    }

    private ResultActions decide(long home, long grant, String action, String note, String username) throws Exception {
        long version = jdbc.sql("SELECT lock_version FROM construction_grant WHERE id = ?").param(grant)
                .query(Long.class).single();
        return mvc.perform(post("/institutions/{i}/grants/{g}/decide", home, grant).param("action", action)
                .param("note", note).param("version", Long.toString(version)).with(as(username)).with(csrf()));
    }

    private ResultActions conclude(long home, long grant) throws Exception {
        long version = jdbc.sql("SELECT lock_version FROM construction_grant WHERE id = ?").param(grant)
                .query(Long.class).single();
        return mvc.perform(post("/institutions/{i}/grants/{g}/conclude", home, grant)
                .param("version", Long.toString(version)).with(as("district")).with(csrf()));
    }

    private String stage(long grant) {
        return jdbc.sql("SELECT stage || ' ' || amount FROM construction_grant WHERE id = ?").param(grant)
                .query(String.class).single();
    }

    private long institution(String name, String ownership, int beds) {
        long id = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, payee_bank, payee_account,
                            created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', ?, ?, '测试银行', '6222333344445555', 'test', 'test') RETURNING id
                        """)
                .params(name, ownership, LANTIAN).query(Long.class).single();
        jdbc.sql("INSERT INTO bed (institution_id, room, label) SELECT ?, 'R', n::text FROM generate_series(1, ?) n")
                .params(id, beds).update();
        return id;
    }

}
