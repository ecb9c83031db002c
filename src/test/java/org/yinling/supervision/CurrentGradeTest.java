package org.yinling.supervision;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.system.TestApiClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The star grade an institution holds today, the same on the institution list, its star filter, the institution page,
 * the public waiting list and the API: the latest decided rating's grade while valid; shown as expired (and not found
 * by the filter) once its validity has ended; none after a later "not rated" (a failed re-rating ends the grade).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CurrentGradeTest {

    static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RatingStore store;

    LocalDate today;
    long scheme;

    @BeforeEach
    void setUp() {
        today = TestDates.today();
        scheme = store.schemeFor(LANTIAN, today).orElseThrow();
    }

    private long institution(String name) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES (?, 'PUBLIC_HOME', 'PUBLIC', ?, 'test', 'test') RETURNING id
                        """).params(name, LANTIAN).query(Long.class).single();
    }

    private void decided(long institution, Integer grade, LocalDate ratedOn, LocalDate validUntil) {
        jdbc.sql("""
                INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by, status,
                    environment, facilities, operations, services, total, grade, rated_on, valid_until, note,
                    decided_by, decided_at)
                VALUES (?, ?, 3, ?, 'test', 'DECIDED', 80, 90, 100, 420, 690, ?, ?, ?, ?, 'test', now())
                """).params(institution, scheme, ratedOn.minusDays(10), grade, ratedOn, validUntil,
                grade == null ? "复评未通过" : null).update();
    }

    /** The star filter of the list, narrowed to this test's institutions by name. */
    private String listed(int star) throws Exception {
        return mvc.perform(get("/institutions").param("q", "星级测试").param("star", Integer.toString(star))
                        .with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anExpiredGradeIsShownAsExpiredAndIsNotFoundByTheStarFilter() throws Exception {
        long valid = institution("星级测试甲院");
        decided(valid, 3, today.minusYears(1), today.plusYears(2));
        long expired = institution("星级测试乙院");
        decided(expired, 3, today.minusYears(4), today.minusDays(1));
        long lastDay = institution("星级测试丙院");
        decided(lastDay, 3, today.minusYears(3), today);

        String three = listed(3);
        assertThat(three).contains("星级测试甲院").contains("星级测试丙院").doesNotContain("星级测试乙院");

        mvc.perform(get("/institutions").param("q", "星级测试乙院").with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"expired\"")))
                .andExpect(content().string(containsString("已过期")));
        mvc.perform(get("/institutions").param("q", "星级测试甲院").with(as("district")).locale(java.util.Locale.ENGLISH))
                .andExpect(content().string(containsString("data-grade=\"3\"")))
                .andExpect(content().string(not(containsString("data-grade=\"expired\""))));
        // the institution page and the public waiting list say the same
        mvc.perform(get("/institutions/{id}", expired).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"expired\"")));
        mvc.perform(get("/waiting-list/{id}/public", lastDay).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"3\"")));
        // the API gives only a grade held today
        mvc.perform(get("/api/v1/institutions/{id}", expired).with(TestApiClients.districtClient("institutions:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.starLevel").doesNotExist())
                .andExpect(jsonPath("$.starValidUntil").doesNotExist());
        mvc.perform(get("/api/v1/institutions/{id}", valid).with(TestApiClients.districtClient("institutions:read")))
                .andExpect(jsonPath("$.starLevel").value(3))
                .andExpect(jsonPath("$.starValidUntil").value(today.plusYears(2).toString()));
    }

    @Test
    void aFailedReRatingEndsAnEarlierGradeStillValidEverywhere() throws Exception {
        long home = institution("星级测试丁院");
        decided(home, 4, today.minusYears(1), today.plusYears(2));
        assertThat(listed(4)).contains("星级测试丁院");
        decided(home, null, today.minusDays(3), null);

        assertThat(listed(4)).doesNotContain("星级测试丁院");
        mvc.perform(get("/institutions").param("q", "星级测试丁院").with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"none\"")));
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"none\"")));
        mvc.perform(get("/waiting-list/{id}/public", home).with(as("district")))
                .andExpect(content().string(containsString("data-grade=\"none\"")));
        mvc.perform(get("/api/v1/institutions/{id}", home).with(TestApiClients.districtClient("institutions:read")))
                .andExpect(jsonPath("$.starLevel").doesNotExist());
    }
}
