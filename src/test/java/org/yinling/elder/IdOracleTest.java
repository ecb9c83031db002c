package org.yinling.elder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Pen test M5, the ID-existence oracle: the entry form said "该身份证号已登记" with a link to the internal id of an elder of
 * another region, and the import said "此人已在其他区域登记", so one file could test 200,000 IDs. Now a number registered
 * elsewhere is only "cannot be registered here, contact the district" (no link, no id), each refusal is audited (one
 * row per form submission, one per import with the count) and each user is limited to
 * {@code yinling.elder.id-refusals.max} refusals an hour, after which every registration answers "too many".
 */
@SpringBootTest
@AutoConfigureMockMvc
class IdOracleTest {

    private static final String LANTIAN = "330105001001";
    private static final String GUASHAN = "330105001002";
    private static final String XIANGFU_COMMUNITY = "330105002001";
    private static final String SHANGTANG = "330105001000";

    @TempDir
    Path dir;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Value("${yinling.elder.id-refusals.max}")
    int limit;

    @Test
    void theEntryFormRefusesAnIdOfAnotherRegionWithoutLinkOrIdAndAuditsTheRefusal() throws Exception {
        String clerk = newUser("COMMUNITY_CLERK", LANTIAN);
        String[] elsewhere = elderIn(GUASHAN);
        long existingId = Long.parseLong(elsewhere[1]);

        MvcResult result = mvc.perform(registerRequest(clerk, elsewhere[0]))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.notHere"))
                .andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("请联系区民政局")
                .doesNotContain("该身份证号已登记")
                .doesNotContain("existing-elder")
                .doesNotContain("/elders/" + existingId + "\"");
        assertThat(result.getModelAndView().getModel().get("existingId")).isNull();
        assertThat(refusalRows(clerk)).isEqualTo(1);
        assertThat(refusalCount(clerk)).isEqualTo(1);
        // the audit row names the record by its internal id and the number only masked
        assertThat(jdbc.sql("SELECT details::text FROM audit_event WHERE actor = ? AND action = 'ELDER_REGISTRATION_REFUSED'")
                .param(clerk).query(String.class).single())
                .contains(String.valueOf(existingId)).doesNotContain(elsewhere[0]);

        // in the user's own region the answer is still "already registered", with the link
        String[] own = elderIn(LANTIAN);
        mvc.perform(registerRequest(clerk, own[0]))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.exists"))
                .andExpect(model().attribute("existingId", Long.parseLong(own[1])));
        assertThat(refusalRows(clerk)).isEqualTo(1);
    }

    @Test
    void theCorrectionFormRefusesAnIdOfAnotherRegionTheSameWay() throws Exception {
        String clerk = newUser("COMMUNITY_CLERK", LANTIAN);
        String[] own = elderIn(LANTIAN);
        String[] elsewhere = elderIn(XIANGFU_COMMUNITY);
        mvc.perform(post("/elders/" + own[1]).with(as(clerk)).with(csrf())
                        .param("residentId", elsewhere[0]).param("name", "改号").param("communityCode", LANTIAN)
                        .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.notHere"));
        assertThat(refusalRows(clerk)).isEqualTo(1);
    }

    @Test
    void pastTheLimitEveryRegistrationAnswersTooManyWhateverTheId() throws Exception {
        String clerk = newUser("COMMUNITY_CLERK", LANTIAN);
        for (int i = 0; i < limit; i++) {
            mvc.perform(registerRequest(clerk, elderIn(GUASHAN)[0]))
                    .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.notHere"));
        }
        // one more number of another region, and a number nobody has registered: the same answer, nothing learnt
        mvc.perform(registerRequest(clerk, elderIn(GUASHAN)[0]))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.tooManyRefusals"));
        String fresh = unusedId();
        MvcResult result = mvc.perform(registerRequest(clerk, fresh))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.tooManyRefusals"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("过多");
        assertThat(jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = ?").param(fresh).query(Integer.class)
                .single()).isZero();
        assertThat(refusalCount(clerk)).isEqualTo(limit);
        // another user is not affected
        String other = newUser("COMMUNITY_CLERK", LANTIAN);
        mvc.perform(registerRequest(other, unusedId())).andExpect(status().isFound());
    }

    @Test
    void anImportAnswersRowsOfAnotherRegionOnlyWithCannotAndAuditsOneRowWithTheirCount() throws Exception {
        String reviewer = newUser("STREET_REVIEWER", SHANGTANG);
        // elders of another street, as the pen test's file met them
        String[] elsewhere = elderIn(XIANGFU_COMMUNITY);
        String[] alsoElsewhere = elderIn(XIANGFU_COMMUNITY);
        List<List<String>> rows = List.of(
                ElderImportTest.row(elsewhere[0], "别处甲", LANTIAN, "独居", "无", ""),
                ElderImportTest.row(alsoElsewhere[0], "别处乙", LANTIAN, "独居", "无", ""),
                ElderImportTest.row(unusedId(), "新人", LANTIAN, "独居", "无", ""));
        long importId = upload(reviewer, SpreadsheetFiles.xlsx(dir, "oracle.xlsx", ElderImportTest.HEADER, rows));
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.state()).isEqualTo("VALIDATED");
        assertThat(checked.errorCount()).isEqualTo(2);
        String report = mvc.perform(get("/elders/imports/" + importId).with(as(reviewer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("此人不能由您导入或修改").contains("请联系区民政局").doesNotContain("其他区域");
        // one audit row for the file, with the count and without the numbers
        List<String> audited = jdbc.sql("""
                        SELECT details::text FROM audit_event
                        WHERE actor = ? AND action = 'ELDER_REGISTRATION_REFUSED' AND entity = 'elder_import' AND entity_id = ?
                        """).params(reviewer, String.valueOf(importId)).query(String.class).list();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0)).doesNotContain(elsewhere[0]).doesNotContain(alsoElsewhere[0]);
        assertThat(refusalCount(reviewer)).isEqualTo(2);
    }

    @Test
    void aFileOfManyIdsOfOtherRegionsShowsNoRowsAndStopsTheUser() throws Exception {
        String reviewer = newUser("STREET_REVIEWER", SHANGTANG);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            rows.add(ElderImportTest.row(elderIn(XIANGFU_COMMUNITY)[0], "探测" + i, LANTIAN, "独居", "无", ""));
        }
        long importId = upload(reviewer, SpreadsheetFiles.xlsx(dir, "probe.xlsx", ElderImportTest.HEADER, rows));
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.state()).isEqualTo("FAILED");
        assertThat(checked.failureKey()).isEqualTo("import.residentId.tooManyRefusals");
        assertThat(jdbc.sql("SELECT count(*) FROM elder_import_row WHERE import_id = ?").param(importId)
                .query(Integer.class).single()).isZero();
        String report = mvc.perform(get("/elders/imports/" + importId).with(as(reviewer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("过多").doesNotContain("探测0");
        assertThat(refusalRows(reviewer)).isEqualTo(1);
        // and the user's next registration by form is refused as "too many" too
        mvc.perform(registerRequest(reviewer, unusedId()))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentId", "elder.residentId.tooManyRefusals"));
    }

    private long refusalRows(String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'ELDER_REGISTRATION_REFUSED'")
                .param(actor).query(Long.class).single();
    }

    private long refusalCount(String actor) {
        return jdbc.sql("""
                        SELECT coalesce(sum((details ->> 'refused')::bigint), 0) FROM audit_event
                        WHERE actor = ? AND action = 'ELDER_REGISTRATION_REFUSED'
                        """).param(actor).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder registerRequest(String username, String residentId) {
        return post("/elders").with(as(username)).with(csrf())
                .param("residentId", residentId).param("name", "探测").param("communityCode", LANTIAN)
                .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE");
    }

    private String newUser(String role, String region) {
        String username = "oracle." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, '{noop}x', ?, ?)
                        """).params(username, username, role, region).update();
        return username;
    }

    /** A new elder of {@code community}: {resident ID, internal id}. */
    private String[] elderIn(String community) {
        while (true) {
            String candidate = unusedId();
            List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, '别处老人', 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'oracle', 'oracle')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(candidate, birthOf(candidate), community).query(Long.class).list();
            if (!inserted.isEmpty()) {
                return new String[] {candidate, String.valueOf(inserted.get(0))};
            }
        }
    }

    /** A valid resident ID (county 110108, which no demo elder or other test uses) that no elder has. */
    private String unusedId() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalDate birth = LocalDate.of(1930 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String body = "110108" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String id = body + ResidentId.checkCharacter(body);
            if (jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = ?").param(id).query(Integer.class).single() == 0) {
                return id;
            }
        }
    }

    private static LocalDate birthOf(String residentId) {
        return LocalDate.parse(residentId.substring(6, 10) + "-" + residentId.substring(10, 12) + "-"
                + residentId.substring(12, 14));
    }

    private long upload(String username, Path file) throws Exception {
        MockMultipartFile part = new MockMultipartFile("file", file.getFileName().toString(),
                "application/octet-stream", Files.readAllBytes(file));
        String location = mvc.perform(multipart("/elders/import").file(part).param("mode", "SKIP")
                        .with(as(username)).with(csrf()))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ElderImport awaitChecked(long importId) {
        return await("import " + importId + " checked").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT * FROM elder_import WHERE id = :id").param("id", importId)
                        .query(ElderImport.class).single(), current -> !current.reading());
    }
}
