package org.yinling.meal;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.yinling.system.TestUsers.as;

/**
 * Penetration test finding L4: meals were recorded for days before the meal point opened, by the counter and by a
 * sheet for a past day, and then paid in the month's settlement. Now neither records them, and the settlement pays
 * none that were recorded earlier.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealOpeningDayTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MealPointStore points;

    @Test
    void theCounterRecordsNoMealBeforeThePointOpens() throws Exception {
        long point = point(TestDates.today().plusDays(3));
        long elder = elder();
        mvc.perform(post("/meal-points/{id}/meals", point).param("elderId", Long.toString(elder))
                        .param("meal", "LUNCH").param("mode", "EAT_IN").with(as("community")).with(csrf()))
                .andExpect(model().attribute("message", "meal.notOpenYet"));
        assertThat(meals(point)).isZero();

        jdbc.sql("UPDATE meal_point SET opened_on = ? WHERE id = ?").params(TestDates.today(), point).update();
        mvc.perform(post("/meal-points/{id}/meals", point).param("elderId", Long.toString(elder))
                        .param("meal", "LUNCH").param("mode", "EAT_IN").with(as("community")).with(csrf()))
                .andExpect(model().attribute("message", "meal.recorded"));
        assertThat(meals(point)).isOne();
    }

    @Test
    void aSheetForADayBeforeTheOpeningIsRefusedAndEarlierMealsAreNotPaid() throws Exception {
        LocalDate opened = TestDates.today().minusDays(2);
        long point = point(opened);
        long elder = elder();
        String residentId = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elder).query(String.class).single();
        String sheet = "身份证号,餐次,方式\n" + residentId + ",午餐,堂食\n";

        upload(point, opened.minusDays(1), sheet).andExpect(flash().attribute("flashError", "meal.import.beforeOpening"));
        assertThat(meals(point)).isZero();
        upload(point, opened, sheet).andExpect(flash().attributeExists("importReport"));
        assertThat(meals(point)).isOne();

        // a meal recorded before the rule, the day before the opening: counted nowhere in the settlement
        jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        VALUES (?, ?, ?, 'LUNCH', 'EAT_IN',
                                (SELECT id FROM meal_category WHERE region_code IS NULL AND position = 2
                                   AND effective_from = DATE '2000-01-01'), 'test')
                        """)
                .params(elder, point, opened.minusDays(1)).update();
        long paid = points.settlement(point, opened.minusDays(1).withDayOfMonth(1)).stream()
                .mapToLong(MealPointStore.SettlementLine::meals).sum()
                + (opened.getMonthValue() == opened.minusDays(1).getMonthValue() ? 0
                : points.settlement(point, opened.withDayOfMonth(1)).stream()
                        .mapToLong(MealPointStore.SettlementLine::meals).sum());
        assertThat(paid).as("meals paid: only the one on the opening day").isOne();
    }

    private org.springframework.test.web.servlet.ResultActions upload(long point, LocalDate day, String csv)
            throws Exception {
        return mvc.perform(multipart("/meal-points/{id}/meals/import", point)
                .file(new MockMultipartFile("file", "meals.csv", "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("day", day.toString()).with(as("community")).with(csrf()));
    }

    private int meals(long point) {
        return jdbc.sql("SELECT count(*) FROM meal WHERE meal_point_id = ?").param(point).query(Integer.class).single();
    }

    private long point(LocalDate openedOn) {
        return jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, opened_on, created_by, updated_by)
                        VALUES ('开业日测试食堂', 'CANTEEN', ?, TRUE, ?, 'test', 'test') RETURNING id
                        """)
                .params(LANTIAN, openedOn).query(Long.class).single();
    }

    private long elder() {
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(1, 999);
            LocalDate birth = LocalDate.of(1932 + sequence % 10, 1 + sequence % 12, 1 + sequence % 28);
            String body = "110107" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            var id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, '开业日老人', 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), birth, LANTIAN).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
    }
}
