package org.yinling.elder;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * Every page that finds elders by what the user types (the registry, the subsidy application list, the elder picker of
 * a new application, the meal counter) finds the same elders for the same text, whatever its kind; and the street and
 * community filters of the lists narrow the user's region, never widen it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderSearchPagesTest {

    private static final String SHANGTANG_STREET = "330105001000";
    private static final String LANTIAN = "330105001001";
    private static final String GUASHAN = "330105001002";
    private static final String XIANGFU_STREET = "330105002000";
    private static final String XIANGFU_COMMUNITY = "330105002001";

    /** The test elders, made once for the class (the database is shared by the test run). */
    private static Fixture fixture;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private record Fixture(long withX, String withXId, long legacy, String legacyId, long nameA, long nameB,
                           String namePrefix, long wrongCheck, String wrongCheckId, long mealPoint) {
    }

    @BeforeEach
    void elders() throws Exception {
        if (fixture != null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('xiangfu.reviewer', 'x', ?, 'STREET_REVIEWER', ?) ON CONFLICT DO NOTHING
                        """).params(passwordEncoder.encode("Secret123"), XIANGFU_STREET).update();
        // lower-case Latin letters in the name: a name is found as it is written
        String token = "k" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36);
        String namePrefix = "寻踪" + token;
        String withXId = uniqueId(LocalDate.of(1941, 3, 9), 'X');
        String legacyId = uniqueId(LocalDate.of(1938, 4, 12), null);
        String body = uniqueId(LocalDate.of(1944, 8, 30), null).substring(0, 17);
        String wrongCheckId = body + (ResidentId.checkCharacter(body) == '0' ? '1' : '0');
        long withX = elder(withXId, "寻踪乙" + token);
        long legacy = elder(legacyId, "寻踪丙" + token);
        long nameA = elder(uniqueId(LocalDate.of(1940, 1, 2), null), namePrefix + "甲");
        long nameB = elder(uniqueId(LocalDate.of(1939, 5, 6), null), namePrefix + "乙");
        long wrongCheck = elder(wrongCheckId, "寻踪丁" + token);
        for (long elder : List.of(withX, legacy, nameA, nameB, wrongCheck)) {
            application(elder);
        }
        String location = mvc.perform(post("/meal-points").with(as("district")).with(csrf())
                        .param("name", "检索测试食堂" + token).param("kind", "CANTEEN").param("communityCode", LANTIAN)
                        .param("servesLunch", "true").param("licenceNumber", "").param("licenceExpires", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long mealPoint = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        fixture = new Fixture(withX, withXId, legacy, legacyId, nameA, nameB, namePrefix, wrongCheck, wrongCheckId,
                mealPoint);
    }

    @Test
    void everyPageFindsTheSameEldersForEachKindOfText() throws Exception {
        Fixture f = fixture;
        String legacy15 = f.legacyId().substring(0, 6) + f.legacyId().substring(8, 17);
        Map<String, Set<Long>> expected = new LinkedHashMap<>();
        expected.put(f.withXId().toLowerCase(), Set.of(f.withX()));                 // whole ID, lower-case x
        expected.put(f.withXId().substring(12).toLowerCase(), Set.of(f.withX()));   // last 6, lower-case x
        expected.put(f.withXId().substring(12), Set.of(f.withX()));                 // last 6, upper-case X
        expected.put(f.legacyId(), Set.of(f.legacy()));                             // whole ID
        expected.put(legacy15, Set.of(f.legacy()));                                 // the old 15-digit number
        expected.put(" " + f.legacyId().substring(12) + " ", Set.of(f.legacy()));   // last 6 digits, spaces around
        expected.put(f.namePrefix(), Set.of(f.nameA(), f.nameB()));                 // start of the name
        expected.put(f.namePrefix() + "甲", Set.of(f.nameA()));                      // the whole name
        expected.put(f.wrongCheckId(), Set.of(f.wrongCheck()));                     // a record with a wrong check character
        expected.put(f.namePrefix().toUpperCase(), Set.of());                       // a name is matched as written
        expected.put(f.namePrefix().substring(0, 3) + "_", Set.of());               // "_" is a character, not a wildcard

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Set<Long>> entry : expected.entrySet()) {
            String q = entry.getKey();
            softly.assertThat(registry(q)).as("registry, q=%s", q).isEqualTo(entry.getValue());
            softly.assertThat(applicationList(q)).as("application list, q=%s", q).isEqualTo(entry.getValue());
            softly.assertThat(applicationPicker(q)).as("new application, q=%s", q).isEqualTo(entry.getValue());
            softly.assertThat(mealCounter(q)).as("meal counter, q=%s", q).isEqualTo(entry.getValue());
        }
        softly.assertAll();
    }

    @Test
    void streetAndCommunityFiltersNarrowTheUsersRegionAndNeverWidenIt() throws Exception {
        Fixture f = fixture;
        Set<Long> named = Set.of(f.nameA(), f.nameB());
        // the community inside the street chosen: the elders and their applications are there
        assertThat(ids(page(get("/elders").param("q", f.namePrefix()).param("street", SHANGTANG_STREET)
                .param("community", LANTIAN), "district", "elders"), "id")).isEqualTo(named);
        assertThat(ids(page(get("/subsidies/applications").param("q", f.namePrefix())
                .param("street", SHANGTANG_STREET).param("community", LANTIAN), "district", "applications"),
                "elderId")).isEqualTo(named);
        // a community of another street than the one chosen gives no rows (not the street's, not the community's)
        assertThat(total(page(get("/elders").param("street", SHANGTANG_STREET).param("community", XIANGFU_COMMUNITY),
                "district", "elders"))).isZero();
        assertThat(total(page(get("/elders").param("street", XIANGFU_STREET).param("community", LANTIAN),
                "district", "elders"))).isZero();
        assertThat(total(page(get("/subsidies/applications").param("street", XIANGFU_STREET)
                .param("community", LANTIAN), "district", "applications"))).isZero();
        // a street reviewer choosing another street or one of its communities sees nothing of it
        assertThat(total(page(get("/elders").param("street", SHANGTANG_STREET), "xiangfu.reviewer", "elders"))).isZero();
        assertThat(total(page(get("/elders").param("community", LANTIAN), "xiangfu.reviewer", "elders"))).isZero();
        assertThat(total(page(get("/subsidies/applications").param("q", f.namePrefix()).param("community", LANTIAN),
                "xiangfu.reviewer", "applications"))).isZero();
        mvc.perform(get("/institutions").param("street", SHANGTANG_STREET).with(as("xiangfu.reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("颐乐养老院（演示）"))))
                .andExpect(content().string(not(containsString("拱墅区社会福利院（演示）"))));
        // a street chosen inside the scope: only that street
        mvc.perform(get("/institutions").param("street", SHANGTANG_STREET).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("颐乐养老院（演示）")))
                .andExpect(content().string(not(containsString("拱墅区社会福利院（演示）"))));
        Page<?> guashan = page(get("/elders").param("street", SHANGTANG_STREET).param("community", GUASHAN), "street",
                "elders");
        assertThat(guashan.getTotalElements()).isPositive();
        assertThat(guashan.getContent()).allSatisfy(row -> assertThat(((ElderRow) row).communityCode()).isEqualTo(GUASHAN));
        // the street alone: its total (from the tally) is what counting its elders gives
        long shangtang = jdbc.sql("SELECT count(*) FROM elder WHERE community_code LIKE '330105001%'")
                .query(Long.class).single();
        assertThat(total(page(get("/elders").param("street", SHANGTANG_STREET), "district", "elders")))
                .isEqualTo(shangtang);
    }

    // ------------------------------------------------------------------------------------------------ the callers

    private Set<Long> registry(String q) throws Exception {
        return ids(page(get("/elders").param("q", q), "community", "elders"), "id");
    }

    private Set<Long> applicationList(String q) throws Exception {
        return ids(page(get("/subsidies/applications").param("q", q), "community", "applications"), "elderId");
    }

    private Set<Long> applicationPicker(String q) throws Exception {
        return ids((Collection<?>) model(get("/subsidies/applications/new").param("q", q), "community", "found"), "id");
    }

    private Set<Long> mealCounter(String q) throws Exception {
        return ids((Collection<?>) model(get("/meal-points/{id}/meals/search", fixture.mealPoint()).param("q", q),
                "community", "found"), "id");
    }

    private Page<?> page(MockHttpServletRequestBuilder request, String user, String attribute) throws Exception {
        return (Page<?>) model(request, user, attribute);
    }

    private Object model(MockHttpServletRequestBuilder request, String user, String attribute) throws Exception {
        return mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getModelAndView()
                .getModel().get(attribute);
    }

    private static long total(Page<?> page) {
        return page.getTotalElements();
    }

    /** The values of one record component of each row (rows of package-private types of other modules included). */
    private static Set<Long> ids(Iterable<?> rows, String component) throws Exception {
        Set<Long> ids = new TreeSet<>();
        for (Object row : rows) {
            for (RecordComponent c : row.getClass().getRecordComponents()) {
                if (c.getName().equals(component)) {
                    c.getAccessor().setAccessible(true);
                    ids.add((Long) c.getAccessor().invoke(row));
                }
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ test data

    /**
     * A resident ID of the test county (never a demo elder's) whose check character is {@code check} (any when null)
     * and whose last six characters no elder's ID ends with yet, so that a suffix search can only find this one.
     */
    private String uniqueId(LocalDate birth, Character check) {
        while (true) {
            String body = ElderRegistryTest.TEST_COUNTY + birth.toString().replace("-", "")
                    + "%03d".formatted(ThreadLocalRandom.current().nextInt(1, 1000));
            char actual = ResidentId.checkCharacter(body);
            if (check == null ? actual == 'X' : actual != check) {
                continue;
            }
            String id = body + actual;
            String reversedLastSix = new StringBuilder(id.substring(12)).reverse() + "%";
            boolean taken = jdbc.sql("SELECT count(*) FROM elder WHERE reverse(resident_id) LIKE ?")
                    .param(reversedLastSix).query(Integer.class).single() > 0;
            if (!taken) {
                return id;
            }
        }
    }

    private long elder(String residentId, String name) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1940-01-01', TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """)
                .params(residentId, name, LANTIAN).query(Long.class).single();
    }

    /** A closed (withdrawn) application of the elder, so that the application list has a row to find it by. */
    private void application(long elderId) {
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            received_on, closed_at, created_by, updated_by)
                        SELECT ?, p.id, p.code, ?, 'WITHDRAWN', 'COMMUNITY', DATE '2026-01-05', now(), 'test', 'test'
                        FROM subsidy_policy p ORDER BY p.id LIMIT 1
                        """)
                .params(elderId, LANTIAN).update();
    }

}
