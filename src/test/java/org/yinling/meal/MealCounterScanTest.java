package org.yinling.meal;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The counter with an ID-card reader: a whole ID and Enter records the meal; namesakes told apart; undo with a reason. */
@SpringBootTest
@AutoConfigureMockMvc
class MealCounterScanTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWholeIdOf18Or15DigitsRecordsTheChosenMealAtOnce() throws Exception {
        long point = point("读卡测试食堂");
        String body = "11010519310213761";
        String id18 = body + ResidentId.checkCharacter(body);
        long elder = elder(id18, "读卡甲", "330105001001", LocalDate.of(1931, 2, 13), "NONE");
        Document answer = scan(point, id18, "LUNCH", "DELIVERED");
        assertThat(answer.getElementById("meal-served").attr("data-recorded")).isEqualTo("true");
        assertThat(answer.getElementById("meal-message").text()).isEqualTo("已登记。");
        assertThat(answer.getElementById("meal-results").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(answer.getElementById("meal-results").select("tr")).isEmpty();
        assertThat(jdbc.sql("SELECT meal || ' ' || mode FROM meal WHERE elder_id = ?").param(elder).query(String.class)
                .list()).containsExactly("LUNCH DELIVERED");

        // a legacy 15-digit number finds the same elder (upgraded to 18 digits): dinner is not served, lunch is taken
        String id15 = "110105310213761";
        Document again = scan(point, id15, "LUNCH", "EAT_IN");
        assertThat(again.getElementById("meal-served").attr("data-recorded")).isEqualTo("false");
        assertThat(again.getElementById("meal-message").text()).contains("没有重复登记");
        assertThat(count(elder)).isEqualTo(1);
    }

    @Test
    void namesakesAreShownWithCommunityAgeAndCategoryAndNothingIsRecordedByName() throws Exception {
        long point = point("同名测试食堂");
        String a = "11010519320314762";
        String b = "11010519550415763";
        long first = elder(a + ResidentId.checkCharacter(a), "同名周建国", "330105001001", LocalDate.of(1932, 3, 14),
                "MINIMUM_LIVING");
        long second = elder(b + ResidentId.checkCharacter(b), "同名周建国", "330105001002", LocalDate.of(1955, 4, 15),
                "NONE");
        // the street's clerk sees both communities' elders
        Document answer = scan("street", point, "同名周建国", "LUNCH", "EAT_IN");
        assertThat(answer.getElementById("meal-served").attr("data-recorded")).isEqualTo("false");
        String one = answer.getElementById("found-" + first).text();
        String other = answer.getElementById("found-" + second).text();
        assertThat(one).contains("蓝天社区").contains("特困、低保老人")
                .contains(java.time.Period.between(LocalDate.of(1932, 3, 14), TestDates.today()).getYears() + " 岁");
        assertThat(other).contains("瓜山社区").contains("60–79 周岁");
        assertThat(count(first) + count(second)).isZero();
    }

    @Test
    void todaysMealIsUndoneOnlyWithAReasonAndThenCountsNowhere() throws Exception {
        long point = point("撤销测试食堂");
        String body = "11010519330516764";
        String id = body + ResidentId.checkCharacter(body);
        long elder = elder(id, "撤销甲", "330105001001", LocalDate.of(1933, 5, 16), "NONE");
        scan(point, id, "LUNCH", "EAT_IN");
        long meal = jdbc.sql("SELECT id FROM meal WHERE elder_id = ?").param(elder).query(Long.class).single();

        String refused = mvc.perform(post("/meal-points/{id}/meals/{meal}/undo", point, meal).param("reason", "  ")
                        .with(as("community")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).getElementById("meal-message").text()).contains("撤销原因");
        assertThat(count(elder)).isEqualTo(1);

        // another point's clerk cannot undo it through their point
        long other = point("撤销测试食堂二");
        String wrong = mvc.perform(post("/meal-points/{id}/meals/{meal}/undo", other, meal).param("reason", "误刷")
                        .with(as("community")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(wrong).getElementById("meal-message").text()).contains("今天登记");
        assertThat(count(elder)).isEqualTo(1);

        String done = mvc.perform(post("/meal-points/{id}/meals/{meal}/undo", point, meal).param("reason", "误刷了老伴的卡")
                        .with(as("community")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(done);
        assertThat(page.getElementById("meal-message").text()).contains("已撤销");
        assertThat(page.getElementById("served-" + meal)).isNull();
        assertThat(count(elder)).isZero();
        assertThat(jdbc.sql("""
                        SELECT details ->> 'reason' FROM audit_event WHERE action = 'MEAL_UNDONE' AND entity_id = ?
                        """).param(Long.toString(point)).query(String.class).list()).containsExactly("误刷了老伴的卡");
        // the settlement of the month no longer pays it, and the meal can be recorded again
        Document settlement = Jsoup.parse(mvc.perform(get("/meal-points/{id}/settlement", point)
                .param("month", TestDates.thisMonth().toString()).with(as("district")))
                .andReturn().getResponse().getContentAsString());
        assertThat(settlement.getElementById("settlement-total").text()).isEqualTo("0.00");
        assertThat(scan(point, id, "LUNCH", "EAT_IN").getElementById("meal-served").attr("data-recorded")).isEqualTo("true");
    }

    private Document scan(long point, String q, String meal, String mode) throws Exception {
        return scan("community", point, q, meal, mode);
    }

    private Document scan(String user, long point, String q, String meal, String mode) throws Exception {
        return Jsoup.parse(mvc.perform(post("/meal-points/{id}/meals/scan", point).param("q", q).param("meal", meal)
                        .param("mode", mode).with(as(user)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private int count(long elder) {
        return jdbc.sql("SELECT count(*) FROM meal WHERE elder_id = ?").param(elder).query(Integer.class).single();
    }

    private long point(String name) {
        return jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, licence_number, licence_expires,
                            created_by, updated_by)
                        VALUES (?, 'CANTEEN', '330105001001', TRUE, 'SC-Q-1', CURRENT_DATE + 365, 'test', 'test')
                        RETURNING id
                        """).param(name).query(Long.class).single();
    }

    private long elder(String residentId, String name, String community, LocalDate birth, String economicStatus) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', ?, TRUE, ?, 'ALONE', ?, 'test', 'test') RETURNING id
                        """)
                .params(residentId, name, birth, community, economicStatus).query(Long.class).single();
    }
}
