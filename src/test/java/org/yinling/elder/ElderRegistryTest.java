package org.yinling.elder;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The registry through its pages, as district staff, street reviewers and community clerks use it. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ElderRegistryTest {

    private static final String LANTIAN = "330105001001";
    private static final String GUASHAN = "330105001002";
    /** Test IDs use a county the demo generator never uses, so they never meet a demo elder. */
    static final String TEST_COUNTY = "110105";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void otherRegionsUsers() {
        ensureUser("xiangfu.reviewer", "STREET_REVIEWER", "330105002000");
        ensureUser("guashan.clerk", "COMMUNITY_CLERK", GUASHAN);
    }

    @Test
    void clerkRegistersAnElderWhoseDetailShowsTheFullIdAndListsShowItMasked() throws Exception {
        String id = newId("19440612", true);
        long elderId = register("community", id, "测试甲", LANTIAN);

        mvc.perform(get("/elders/" + elderId).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)))
                .andExpect(content().string(containsString("男")))
                .andExpect(content().string(containsString("1944-06-12")));
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        mvc.perform(get("/elders").param("q", "测试甲").with(as("community")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(id))));
        assertThat(auditActions(elderId)).contains("ELDER_CREATED", "ELDER_VIEWED");
        assertThat(events.stream(ElderRegistered.class).filter(e -> e.elderId() == elderId)).hasSize(1);
    }

    @Test
    void invalidIdsAreRefusedInChineseAndNothingIsWritten() throws Exception {
        int before = elderCount();
        String valid = newId("19400229", false);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        mvc.perform(registerRequest("community", wrongCheck, "错号", LANTIAN))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.check_digit"))
                .andExpect(content().string(containsString("校验位不正确")));
        mvc.perform(registerRequest("community", "33010519410229001X", "错日期", LANTIAN))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.birth_date"));
        mvc.perform(registerRequest("community", newId("19900101", true), "年轻人", LANTIAN))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.tooYoung"))
                .andExpect(content().string(containsString("未满 60 周岁")));
        assertThat(elderCount()).isEqualTo(before);
    }

    @Test
    void anIdAlreadyRegisteredSaysSoAndLinksToTheRecord() throws Exception {
        String id = newId("19380101", false);
        long existing = register("district", id, "已登记", LANTIAN);
        mvc.perform(registerRequest("district", id.toLowerCase(), "重复", LANTIAN))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.exists"))
                .andExpect(content().string(containsString("/elders/" + existing)));
    }

    @Test
    void htmlInANameIsShownAsText() throws Exception {
        long elderId = register("district", newId("19500505", true), "<b>粗体</b>", LANTIAN);
        // angle brackets are refused by the form...
        assertThat(elderId).isZero();
        long saved = register("district", newId("19500506", true), "Tom & \"Jerry\"", LANTIAN);
        mvc.perform(get("/elders/" + saved).with(as("district")))
                .andExpect(content().string(containsString("Tom &amp; &quot;Jerry&quot;")));
    }

    @Test
    void usersOfAnotherStreetOrCommunityGet404ForEveryPageAndAction() throws Exception {
        long elderId = register("community", newId("19420303", false), "范围测试", LANTIAN);
        for (String outsider : List.of("xiangfu.reviewer", "guashan.clerk")) {
            mvc.perform(get("/elders/" + elderId).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/elders/" + elderId + "/edit").with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/elders/" + elderId + "/assessments/new").with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post("/elders/" + elderId).with(as(outsider)).with(csrf()).param("name", "改名")
                    .param("residentId", "x").param("communityCode", GUASHAN)).andExpect(status().isNotFound());
            mvc.perform(post("/elders/" + elderId + "/deceased").with(as(outsider)).with(csrf())
                    .param("date", "2026-01-01").param("reason", "x")).andExpect(status().isNotFound());
            mvc.perform(post("/elders/" + elderId + "/moved-out").with(as(outsider)).with(csrf())
                    .param("date", "2026-01-01").param("reason", "x")).andExpect(status().isNotFound());
            mvc.perform(post("/elders/" + elderId + "/assessments").with(as(outsider)).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/elders").param("q", "范围测试").with(as(outsider)))
                    .andExpect(content().string(not(containsString("范围测试</a>"))));
        }
        // the record's own street and the district see it
        mvc.perform(get("/elders/" + elderId).with(as("street"))).andExpect(status().isOk());
        mvc.perform(get("/elders").param("q", "范围测试").with(as("district")))
                .andExpect(content().string(containsString("范围测试")));
        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = :id").param("id", elderId)
                .query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void aClerkCannotRegisterIntoAnotherCommunity() throws Exception {
        mvc.perform(registerRequest("community", newId("19410101", true), "越界", GUASHAN))
                .andExpect(model().attributeHasFieldErrorCode("form", "communityCode", "elder.community.outOfScope"));
    }

    @Test
    void managersReadButCannotChange() throws Exception {
        long elderId = register("district", newId("19450707", true), "只读测试", LANTIAN);
        mvc.perform(get("/elders/" + elderId).with(as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"elder-edit\""))));
        mvc.perform(get("/elders/new").with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(post("/elders/" + elderId + "/deceased").with(as("manager")).with(csrf())
                .param("date", "2026-01-01").param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/elders").with(as("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void aStaleFormSaysSomeoneElseChangedTheRecord() throws Exception {
        String id = newId("19470808", false);
        long elderId = register("district", id, "并发测试", LANTIAN);
        MockHttpServletRequestBuilder edit = post("/elders/" + elderId).with(as("district")).with(csrf())
                .param("residentId", id).param("name", "并发测试改").param("communityCode", LANTIAN)
                .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                .param("version", "0");
        mvc.perform(edit).andExpect(status().isFound());
        mvc.perform(edit).andExpect(status().isOk()).andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(auditActions(elderId)).containsOnlyOnce("ELDER_UPDATED");
        // the change history names the field with its old and new value
        mvc.perform(get("/elders/" + elderId).with(as("district")))
                .andExpect(content().string(containsString("<del>并发测试</del>")))
                .andExpect(content().string(containsString("<span>并发测试改</span>")));
    }

    @Test
    void recordingADeathAsksForDateAndReasonAndPublishesTheEvent() throws Exception {
        long elderId = register("district", newId("19300909", true), "去世测试", LANTIAN);
        mvc.perform(post("/elders/" + elderId + "/deceased").with(as("district")).with(csrf())
                        .param("date", "").param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("lifeStatusForm", "date", "reason"));
        mvc.perform(post("/elders/" + elderId + "/deceased").with(as("district")).with(csrf())
                        .param("date", "2026-10-01").param("reason", "医院死亡证明 2026-123"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT life_status || ' ' || life_status_date FROM elder WHERE id = :id")
                .param("id", elderId).query(String.class).single()).isEqualTo("DECEASED 2026-10-01");
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == elderId)).hasSize(1);
        mvc.perform(post("/elders/" + elderId + "/moved-out").with(as("district")).with(csrf())
                        .param("date", "2026-10-02").param("reason", "again"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", "elder.lifeStatus.notActive"));
        mvc.perform(get("/elders").param("q", "去世测试").param("life", "DECEASED").with(as("district")))
                .andExpect(content().string(containsString("去世测试")));
    }

    @Test
    void theUnfilteredTotalComesFromATallyThatAlwaysEqualsTheRegistry() throws Exception {
        long elderId = register("district", newId("19290101", true), "计数测试", LANTIAN);
        mvc.perform(post("/elders/" + elderId + "/moved-out").with(as("district")).with(csrf())
                .param("date", "2026-09-01").param("reason", "迁往外省"));
        String counted = """
                SELECT string_agg(community_code || ':' || life_status || ':' || n, ',' ORDER BY community_code, life_status)
                FROM (SELECT community_code, life_status, count(*) AS n FROM elder GROUP BY 1, 2) c""";
        String tallied = """
                SELECT string_agg(community_code || ':' || life_status || ':' || elders, ',' ORDER BY community_code, life_status)
                FROM elder_tally WHERE elders <> 0""";
        assertThat(jdbc.sql(tallied).query(String.class).single())
                .isEqualTo(jdbc.sql(counted).query(String.class).single());
        int street = jdbc.sql("SELECT count(*) FROM elder WHERE community_code LIKE '330105001%'").query(Integer.class).single();
        mvc.perform(get("/elders").with(as("street")))
                .andExpect(content().string(containsString("共 " + street + " 条")));
        int movedOut = jdbc.sql("SELECT count(*) FROM elder WHERE life_status = 'MOVED_OUT'").query(Integer.class).single();
        mvc.perform(get("/elders").param("life", "MOVED_OUT").with(as("district")))
                .andExpect(content().string(containsString("共 " + movedOut + " 条")));
    }

    @Test
    void anAssessmentSetsTheLevelWithItsAdjustmentsAndIsSearchable() throws Exception {
        long elderId = register("district", newId("19350303", false), "评估测试", LANTIAN);
        MockHttpServletRequestBuilder assess = post("/elders/" + elderId + "/assessments").with(as("district"))
                .with(csrf()).param("assessedOn", "2026-11-01").param("reason", "FIRST").param("assessor", "评估员甲").param("secondAssessor", "评估员丙").param("agencyId", String.valueOf(jdbc.sql("INSERT INTO assessment_agency (name, region_code, created_by) VALUES ('测试评估机构', '330105000000', 'test') ON CONFLICT (region_code, name) DO UPDATE SET active = TRUE RETURNING id").query(Long.class).single()))
                .param("riskEvents", "0").param("dementia", "true");
        for (AssessmentItem item : AssessmentItem.values()) {
            assess.param("scores[" + item.name() + "]", String.valueOf(item.maxScore()));
        }
        mvc.perform(assess).andExpect(status().isFound());
        // 90 points is level 0; diagnosed dementia makes it one level worse
        assertThat(jdbc.sql("SELECT capability_level FROM elder WHERE id = :id").param("id", elderId)
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/elders/" + elderId).with(as("district")))
                .andExpect(content().string(containsString("评估员甲")))
                .andExpect(content().string(containsString("由 能力完好 调整")));
        mvc.perform(get("/elders").param("q", "评估测试").param("level", "1").with(as("district")))
                .andExpect(content().string(containsString("评估测试</a>")));
        assertThat(events.stream(ElderAssessed.class).filter(e -> e.elderId() == elderId && e.level() == 1)).hasSize(1);
    }

    @Test
    void anIncompleteAssessmentNamesTheMissingItems() throws Exception {
        long elderId = register("district", newId("19360404", true), "缺项测试", LANTIAN);
        mvc.perform(post("/elders/" + elderId + "/assessments").with(as("district")).with(csrf())
                        .param("assessedOn", "2026-11-01").param("reason", "FIRST").param("assessor", "x").param("secondAssessor", "y").param("agencyId", String.valueOf(jdbc.sql("INSERT INTO assessment_agency (name, region_code, created_by) VALUES ('测试评估机构', '330105000000', 'test') ON CONFLICT (region_code, name) DO UPDATE SET active = TRUE RETURNING id").query(Long.class).single()))
                        .param("riskEvents", "0").param("scores[EATING]", "9"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "scores[EATING]", "assessment.score.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "scores[STAIRS]", "assessment.score.range"));
        assertThat(jdbc.sql("SELECT count(*) FROM assessment WHERE elder_id = :id").param("id", elderId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void searchFindsByNamePrefixIdSuffixAndFullIdInAnyCase() throws Exception {
        String id = newId("19331111", false);
        register("district", id, "搜索测试", LANTIAN);
        for (String q : List.of("搜索测", id.substring(12), id.substring(14), id.toLowerCase())) {
            mvc.perform(get("/elders").param("q", q).with(as("district")))
                    .andExpect(content().string(containsString("搜索测试</a>")));
        }
        mvc.perform(get("/elders").param("q", "搜索测试").param("ageMin", "100").with(as("district")))
                .andExpect(content().string(not(containsString("搜索测试</a>"))));
    }

    private long register(String username, String residentId, String name, String community) throws Exception {
        MvcResult result = mvc.perform(registerRequest(username, residentId, name, community)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return location == null ? 0 : Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder registerRequest(String username, String residentId, String name,
                                                          String community) {
        return post("/elders").with(as(username)).with(csrf())
                .param("residentId", residentId).param("name", name).param("communityCode", community)
                .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                .param("phone", "13800000000");
    }

    /** A valid resident ID of the demo district, unique within this test run. */
    private static String newId(String birthDate, boolean male) {
        int n = SEQUENCE.incrementAndGet();
        int sequence = (n % 400) * 2 + (male ? 1 : 2);
        String body = TEST_COUNTY + birthDate + String.format("%03d", sequence).substring(0, 3);
        return body + ResidentId.checkCharacter(body);
    }

    private int elderCount() {
        return jdbc.sql("SELECT count(*) FROM elder").query(Integer.class).single();
    }

    private List<String> auditActions(long elderId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity = 'elder' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(elderId)).query(String.class).list();
    }

    private void ensureUser(String username, String role, String region) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (:u, :u, :hash, :role, :region) ON CONFLICT DO NOTHING
                        """)
                .param("u", username).param("hash", passwordEncoder.encode("Secret123"))
                .param("role", role).param("region", region).update();
    }
}
