package org.yinling.institution;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Penetration test finding M4: the elders an institution serves from other regions. A clerk of the institution's own
 * community saw the names, categories and capability levels of residents and waiting elders of other communities and
 * streets ({@code /institutions/{id}}, {@code /waiting-list?institution=}), and a reviewer of the institution's street
 * withdrew the waiting entry of an elder of another street. The rule ({@link ResidentVisibility}): personal data only
 * for the elder's own region and the institution's supervisors (its street and district), counts for everyone else;
 * a waiting entry is withdrawn only by the elder's own region.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstitutionResidentScopeTest {

    private static final String LANTIAN = "330105001001";
    private static final String GUASHAN = "330105001002";
    private static final String XIANGFU = "330105002001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void usersOfTheInstitutionsRegions() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('scope.guashan', '瓜山社区受理', '{noop}x', 'COMMUNITY_CLERK', '330105001002'),
                       ('scope.xiangfu', '祥符街道审核', '{noop}x', 'STREET_REVIEWER', '330105002000')
                ON CONFLICT DO NOTHING
                """).update();
    }

    @Test
    void aClerkOfTheInstitutionsCommunitySeesOnlyCountsOfResidentsAndWaitingEldersFromElsewhere() throws Exception {
        long home = publicHome(GUASHAN);
        String tag = tag();
        long residentHere = elder(GUASHAN, "瓜山住养" + tag);
        long residentThere = elder(LANTIAN, "蓝天住养" + tag);
        long waitingHere = elder(GUASHAN, "瓜山轮候" + tag);
        long waitingThere = elder(LANTIAN, "蓝天轮候" + tag);
        stay(home, residentHere, "1");
        stay(home, residentThere, "2");
        jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, '1', '3')").param(home).update();
        jdbc.sql("UPDATE elder SET economic_status = 'EXTREME_POVERTY', capability_level = 4 WHERE id = ?")
                .param(waitingThere).update();
        waiting(home, waitingThere);
        waiting(home, waitingHere);

        String detail = page(get("/institutions/{id}", home), "scope.guashan");
        assertThat(detail).contains("瓜山住养" + tag).doesNotContain("蓝天住养" + tag).contains("id=\"other-residents\"");
        String list = page(get("/waiting-list").param("institution", Long.toString(home)), "scope.guashan");
        assertThat(list).contains("瓜山轮候" + tag).doesNotContain("蓝天轮候" + tag).contains("id=\"others-waiting\"");
        // the clerk's elder keeps the position the whole list gives them: second, behind the 特困 elder
        assertThat(list.replaceAll("\\s+", "")).contains("<td>2</td><tdclass=\"text-nowrap\"><ahref=\"/elders/"
                + waitingHere + "\">瓜山轮候" + tag);

        // the street office of the institution (上塘, which also holds 蓝天) and the district supervise it: they see all
        for (String supervisor : new String[] {"street", "district"}) {
            assertThat(page(get("/institutions/{id}", home), supervisor))
                    .contains("瓜山住养" + tag, "蓝天住养" + tag).doesNotContain("id=\"other-residents\"");
            assertThat(page(get("/waiting-list").param("institution", Long.toString(home)), supervisor))
                    .contains("瓜山轮候" + tag, "蓝天轮候" + tag).doesNotContain("id=\"others-waiting\"");
        }
        // the public notice is masked for everyone
        assertThat(page(get("/waiting-list/{i}/public", home), "scope.guashan"))
                .doesNotContain("蓝天轮候" + tag, residentIdOf(waitingThere));
    }

    @Test
    void theReviewerOfTheInstitutionsStreetCannotWithdrawTheWaitingEntryOfAnElderOfAnotherStreet() throws Exception {
        long home = publicHome(XIANGFU);
        String tag = tag();
        long lantianElder = elder(LANTIAN, "上塘老人" + tag);
        long xiangfuElder = elder(XIANGFU, "祥符老人" + tag);
        long other = waiting(home, lantianElder);
        long own = waiting(home, xiangfuElder);

        // the 祥符 reviewer supervises the home and sees its list, but the 上塘 elder's application is not theirs to end
        assertThat(page(get("/waiting-list").param("institution", Long.toString(home)), "scope.xiangfu"))
                .contains("上塘老人" + tag, "祥符老人" + tag);
        mvc.perform(post("/waiting-list/{i}/{e}/withdraw", home, other).param("reason", "名额调整")
                        .with(as("scope.xiangfu")).with(csrf()))
                .andExpect(flash().attribute("flashError", "waiting.withdrawRefused"));
        assertThat(statusOf(other)).isEqualTo("WAITING");
        mvc.perform(post("/waiting-list/{i}/{e}/withdraw", home, own).param("reason", "家属要求撤回")
                        .with(as("scope.xiangfu")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.withdrawn"));
        assertThat(statusOf(own)).isEqualTo("WITHDRAWN");
        // the district holds both streets' elders
        mvc.perform(post("/waiting-list/{i}/{e}/withdraw", home, other).param("reason", "老人已入住其他机构")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.withdrawn"));
        assertThat(statusOf(other)).isEqualTo("WITHDRAWN");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        String user) throws Exception {
        return mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String tag() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999), 36);
    }

    private String statusOf(long entry) {
        return jdbc.sql("SELECT status FROM waiting_application WHERE id = ?").param(entry).query(String.class).single();
    }

    private String residentIdOf(long elder) {
        return jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elder).query(String.class).single();
    }

    private long publicHome(String community) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('范围测试福利院', 'PUBLIC_HOME', 'PUBLIC', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """)
                .param(community).query(Long.class).single();
    }

    private long elder(String community, String name) {
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(1, 999);
            LocalDate birth = LocalDate.of(1930 + sequence % 10, 1 + sequence % 12, 1 + sequence % 28);
            String body = "110106" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            var id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, capability_level, created_by, updated_by)
                            VALUES (?, ?, 'MALE', ?, TRUE, ?, 'ALONE', 'NONE', 1, 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), name, birth, community).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
    }

    private void stay(long home, long elder, String label) {
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, '1', ?) RETURNING id")
                .params(home, label).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        VALUES (?, ?, ?, CURRENT_DATE - 30, 'SELF', FALSE, 'test')
                        """)
                .params(elder, home, bed).update();
    }

    private long waiting(long home, long elder) {
        return jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        VALUES (?, ?, CURRENT_DATE - 3, 'test') RETURNING id
                        """)
                .params(elder, home).query(Long.class).single();
    }
}
