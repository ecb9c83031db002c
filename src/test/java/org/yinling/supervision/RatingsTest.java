package org.yinling.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Star ratings: the grade from section scores and the scheme's thresholds (data), the required conditions, the bad
 * input of the issue, the grade on the institution page and the public waiting list, and an expired rating.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class RatingsTest {

    static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RatingStore store;

    LocalDate today;
    long home;
    long scheme;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES ('评定测试福利院', 'PUBLIC_HOME', 'PUBLIC', ?, 'test', 'test') RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
        scheme = store.schemeFor(LANTIAN, today).orElseThrow();
    }

    private static Map<RatingSection, BigDecimal> scores(double environment, double facilities, double operations,
                                                         double services) {
        return Map.of(RatingSection.ENVIRONMENT, BigDecimal.valueOf(environment),
                RatingSection.FACILITIES, BigDecimal.valueOf(facilities),
                RatingSection.OPERATIONS, BigDecimal.valueOf(operations),
                RatingSection.SERVICES, BigDecimal.valueOf(services));
    }

    @Test
    void theGradeIsTheHighestWhoseTotalAndSectionMinimumsTheScoresMeetAtMostTheOneAppliedFor() {
        RatingScheme s = store.scheme(scheme);
        assertThat(s.maxTotal()).isEqualByComparingTo("1000");
        // 885 points, every section at least 80 %: grade 4 (grade 5 needs 900)
        assertThat(s.grade(scores(108, 117, 130, 530), 5)).isEqualTo(4);
        // 690 points, every section at least 60 %: grade 3
        assertThat(s.grade(scores(80, 90, 100, 420), 5)).isEqualTo(3);
        // 927 points but environment 47 < 40 % of 120 (48): no grade at all
        assertThat(s.grade(scores(47, 130, 150, 600), 5)).isNull();
        // exactly 48: grade 1 only, though the total would reach grade 5
        assertThat(s.grade(scores(48, 130, 150, 600), 5)).isEqualTo(1);
        // grade 5 marks, grade 3 applied for: grade 3
        assertThat(s.grade(scores(110, 120, 140, 560), 3)).isEqualTo(3);
        assertThat(s.grade(scores(110, 120, 140, 560), 5)).isEqualTo(5);
    }

    private long apply(int grade) throws Exception {
        mvc.perform(post("/supervision/institutions/{id}/ratings", home).with(as("district")).with(csrf())
                        .param("grade", Integer.toString(grade)).param("appliedOn", today.minusDays(20).toString()))
                .andExpect(redirectedUrl("/supervision/institutions/" + home + "/ratings"));
        return jdbc.sql("SELECT id FROM supervision_rating WHERE institution_id = ? AND status = 'APPLIED'").param(home)
                .query(Long.class).single();
    }

    private MockHttpServletRequestBuilder decide(long rating, String environment, int... conditions) {
        return decideOn(rating, environment, today.minusDays(2), conditions);
    }

    private MockHttpServletRequestBuilder decideOn(long rating, String environment, LocalDate ratedOn, int... conditions) {
        MockHttpServletRequestBuilder request = post("/supervision/ratings/{id}", rating).with(as("district")).with(csrf())
                .param("environment", environment).param("facilities", "117").param("operations", "130")
                .param("services", "530").param("ratedOn", ratedOn.toString());
        for (int condition : conditions) {
            request.param("conditions", Integer.toString(condition));
        }
        return request;
    }

    /** The grade the institution holds: its latest decided rating's (the one record of grades). */
    private Integer starLevel() {
        return jdbc.sql("""
                        SELECT grade FROM supervision_rating WHERE institution_id = ? AND status = 'DECIDED'
                        ORDER BY rated_on DESC, id DESC LIMIT 1""")
                .param(home).query(Integer.class).optional().orElse(null);
    }

    @Test
    void aRatingGivesTheGradeItsScoresReachAndTheInstitutionShowsIt() throws Exception {
        long rating = apply(5);
        mvc.perform(decide(rating, "108", 1, 2, 3, 4, 5)).andExpect(redirectedUrl("/supervision/ratings/" + rating));
        assertThat(jdbc.sql("SELECT grade FROM supervision_rating WHERE id = ?").param(rating).query(Integer.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT valid_until FROM supervision_rating WHERE id = ?").param(rating)
                .query(LocalDate.class).single()).isEqualTo(today.minusDays(2).plusMonths(36).minusDays(1));
        // the institution's grade is the rating's: on its page and found by the list's star filter
        assertThat(starLevel()).isEqualTo(4);
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"4\"")));
        mvc.perform(get("/institutions").param("star", "4").param("q", "评定测试福利院").with(as("district")))
                .andExpect(content().string(containsString("评定测试福利院")));
        mvc.perform(get("/waiting-list/{id}/public", home).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"waiting-public-star\"")))
                .andExpect(content().string(containsString("★★★★ 4级")));
        mvc.perform(get("/supervision/ratings").with(as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("评定测试福利院")));
        // a decided rating is not decided again
        mvc.perform(decide(rating, "50", 1, 2, 3, 4, 5)).andExpect(status().isOk());
        assertThat(starLevel()).isEqualTo(4);
    }

    @Test
    void aGradeNeedsEveryRequiredConditionAndScoresInRange() throws Exception {
        long rating = apply(4);
        // one condition unticked: refused, the scores kept
        mvc.perform(decide(rating, "108", 1, 2, 3, 5)).andExpect(status().isOk())
                .andExpect(content().string(containsString("基本要求须全部符合")))
                .andExpect(content().string(containsString("value=\"108\"")));
        // a score above its section's maximum
        mvc.perform(decide(rating, "121", 1, 2, 3, 4, 5)).andExpect(status().isOk())
                .andExpect(content().string(containsString("得分须在 0 至 120 之间")));
        // a negative score, a malformed one
        mvc.perform(decide(rating, "-1", 1, 2, 3, 4, 5)).andExpect(status().isOk())
                .andExpect(content().string(containsString("得分须在 0 至 120 之间")));
        mvc.perform(decide(rating, "many", 1, 2, 3, 4, 5)).andExpect(status().isOk());
        // a rating date in the future
        mvc.perform(decideOn(rating, "108", today.plusDays(1), 1, 2, 3, 4, 5))
                .andExpect(status().isOk()).andExpect(content().string(containsString("评定日期不能晚于今天")));
        assertThat(jdbc.sql("SELECT status FROM supervision_rating WHERE id = ?").param(rating).query(String.class).single())
                .isEqualTo("APPLIED");
        assertThat(starLevel()).isNull();
        // not rated needs a reason; with one it is recorded, and the institution holds no grade
        mvc.perform(decide(rating, "108", 1, 2).param("notRated", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("不予评定须写明理由")));
        mvc.perform(decide(rating, "108", 1, 2).param("notRated", "true").param("note", "近一年发生重大责任事故"))
                .andExpect(redirectedUrl("/supervision/ratings/" + rating));
        assertThat(jdbc.sql("SELECT grade FROM supervision_rating WHERE id = ?").param(rating).query(Integer.class)
                .optional()).isEmpty();
        assertThat(starLevel()).isNull();
    }

    @Test
    void applicationsAreCheckedAndScopedToTheRegion() throws Exception {
        apply(3);
        // a second application while one is under way
        mvc.perform(post("/supervision/institutions/{id}/ratings", home).with(as("district")).with(csrf())
                        .param("grade", "4").param("appliedOn", today.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已有一份评定中的申请")));
        // a grade outside 1..5, a date in the future
        long other = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES ('评定测试祥符院', 'PRIVATE_HOME', 'PRIVATE', '330105002001', 'test', 'test') RETURNING id
                        """).query(Long.class).single();
        mvc.perform(post("/supervision/institutions/{id}/ratings", other).with(as("district")).with(csrf())
                        .param("grade", "6").param("appliedOn", today.plusDays(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择申请等级")))
                .andExpect(content().string(containsString("申请日期无效或晚于今天")));
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_rating WHERE institution_id = ?").param(other)
                .query(Integer.class).single()).isZero();
        // outside the street reviewer's street: not found
        mvc.perform(get("/supervision/institutions/{id}/ratings", other).with(as("street"))).andExpect(status().isNotFound());
        long rating = jdbc.sql("SELECT id FROM supervision_rating WHERE institution_id = ?").param(home).query(Long.class).single();
        mvc.perform(get("/supervision/ratings/{id}", rating).with(as("street"))).andExpect(status().isOk());
        mvc.perform(decide(rating, "108", 1, 2, 3, 4, 5).with(as("street"))).andExpect(status().isForbidden());
    }

    @Test
    void aRatingPastItsValidityShowsAsExpired() throws Exception {
        jdbc.sql("""
                INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by, status,
                    environment, facilities, operations, services, total, grade, rated_on, valid_until, decided_by, decided_at)
                VALUES (?, ?, 3, ?, 'test', 'DECIDED', 80, 90, 100, 420, 690, 3, ?, ?, 'test', now())
                """).params(home, scheme, today.minusYears(4), today.minusYears(4).plusDays(10), today.minusDays(1)).update();
        assertThat(starLevel()).isEqualTo(3);
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"expired\"")))
                .andExpect(content().string(containsString("已过期")));
        mvc.perform(get("/waiting-list/{id}/public", home).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"expired\"")));
    }
}
