package org.yinling.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The app runs on Beijing time whatever the host's zone: at 23:30 UTC on 30 November it is 07:30 on 1 December in
 * Beijing, and every date the app takes (the meal day, stay dates, the settlement and batch months, ages, "today" on
 * pages) is 1 December. A host-zone date would be 30 November (or the real date, on this machine).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ChinaTimeTest.HalfPastElevenUtcOnTheLastDayOfNovember.class)
class ChinaTimeTest {

    static final Instant AT = Instant.parse("2026-11-30T23:30:00Z");
    static final LocalDate BEIJING_DAY = LocalDate.of(2026, 12, 1);
    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(400);

    @TestConfiguration(proxyBeanMethods = false)
    static class HalfPastElevenUtcOnTheLastDayOfNovember {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(AT, ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theApplicationClockIsOnTheBeijingDay() {
        assertThat(LocalDate.now(clock)).isEqualTo(BEIJING_DAY);
    }

    @Test
    void agesCountTheBirthdayOfTheBeijingDay() throws Exception {
        long eighty = elder(LocalDate.of(1946, 12, 1), "NONE");
        long seventyNine = elder(LocalDate.of(1946, 12, 2), "NONE");
        mvc.perform(get("/elders/{id}", eighty).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1946-12-01（80 岁）")));
        mvc.perform(get("/elders/{id}", seventyNine).with(as("district")))
                .andExpect(content().string(containsString("1946-12-02（79 岁）")));
    }

    @Test
    void pagesOfferTheBeijingDayAndTheBatchOfNextMonth() throws Exception {
        mvc.perform(get("/payments/batches").with(as("district")))
                .andExpect(model().attribute("nextMonth", "2027-01"));
        mvc.perform(get("/waiting-list").with(as("district")))
                .andExpect(model().attribute("today", BEIJING_DAY));
        mvc.perform(get("/subsidies/policies/new").with(as("admin")))
                .andExpect(content().string(containsString("value=\"2026-12-01\"")));
    }

    @Test
    void aMealAtTheCounterIsServedOnTheBeijingDayAndNovemberCanBeSettled() throws Exception {
        long point = jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, licence_number, licence_expires,
                            created_by, updated_by)
                        VALUES ('北京时间食堂', 'CANTEEN', ?, TRUE, 'SC-TZ-1', DATE '2027-12-31', 'test', 'test') RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
        long elder = elder(LocalDate.of(1940, 3, 3), "NONE");
        mvc.perform(post("/meal-points/{id}/meals", point).param("elderId", Long.toString(elder))
                        .param("meal", "LUNCH").param("mode", "EAT_IN").with(as("community")).with(csrf()))
                .andExpect(model().attribute("message", "meal.recorded"));
        assertThat(jdbc.sql("SELECT served_on FROM meal WHERE elder_id = ?").param(elder).query(LocalDate.class).single())
                .isEqualTo(BEIJING_DAY);
        // November is over in Beijing: its settlement can be confirmed on the morning of 1 December
        mvc.perform(post("/meal-points/{id}/settlement/confirm", point).param("month", "2026-11")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "meal.settlement.confirmed"));
        // December is not
        mvc.perform(post("/meal-points/{id}/settlement/confirm", point).param("month", "2026-12")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "meal.settlement.notConfirmable"));
    }

    @Test
    void anAdmissionAndADischargeDatedTheBeijingDayAreNotInTheFuture() throws Exception {
        long home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, status, medical_arrangement,
                            created_by, updated_by)
                        VALUES ('北京时间养老院', 'PRIVATE_HOME', 'PRIVATE', ?, 'OPERATING', 'NONE', 'test', 'test')
                        RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "A").param("from", "1").param("to", "2")
                .with(as("district")).with(csrf()));
        long bed = jdbc.sql("SELECT min(id) FROM bed WHERE institution_id = ?").param(home).query(Long.class).single();
        String residentId = residentId(LocalDate.of(1941, 4, 4));
        elder(residentId, LocalDate.of(1941, 4, 4), "NONE");
        // 2 December is still the future in Beijing (form validation judges by the app's clock, not the host's)
        mvc.perform(post("/institutions/{id}/admissions", home).with(as("district")).with(csrf())
                        .param("residentId", residentId).param("bedId", Long.toString(bed))
                        .param("admittedOn", BEIJING_DAY.plusDays(1).toString()).param("payer", "FAMILY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("admission", "admittedOn"));
        mvc.perform(post("/institutions/{id}/admissions", home).with(as("district")).with(csrf())
                        .param("residentId", residentId).param("bedId", Long.toString(bed))
                        .param("admittedOn", BEIJING_DAY.toString()).param("payer", "FAMILY"))
                .andExpect(status().is3xxRedirection());
        long stay = jdbc.sql("SELECT s.id FROM stay s JOIN elder e ON e.id = s.elder_id WHERE e.resident_id = ?")
                .param(residentId).query(Long.class).single();
        assertThat(jdbc.sql("SELECT admitted_on FROM stay WHERE id = ?").param(stay).query(LocalDate.class).single())
                .isEqualTo(BEIJING_DAY);
        // the transfer and discharge forms offer the Beijing day
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("name=\"date\" value=\"2026-12-01\"")));
        mvc.perform(post("/institutions/{id}/stays/{stay}/discharge", home, stay).param("date", BEIJING_DAY.toString())
                        .param("reason", "回家居住").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.discharge.done"));
    }

    private long elder(LocalDate birth, String economicStatus) {
        return elder(residentId(birth), birth, economicStatus);
    }

    private long elder(String residentId, LocalDate birth, String economicStatus) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', ?, 'test', 'test') RETURNING id
                        """)
                .params(residentId, "时区" + SEQUENCE.get(), birth, LANTIAN, economicStatus).query(Long.class).single();
    }

    /** A valid 18-digit ID of the test county with the given birth date. */
    private static String residentId(LocalDate birth) {
        String body = "110105" + birth.toString().replace("-", "") + "%03d".formatted(SEQUENCE.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

}
