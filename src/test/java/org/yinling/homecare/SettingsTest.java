package org.yinling.homecare;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Settings per region with effective dates: the most specific region's row in force wins; never for the past. */
@SpringBootTest
@AutoConfigureMockMvc
class SettingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    HomeCareSettings settings;

    @Test
    void aStreetsRowAppliesToItsCommunitiesFromItsDate() throws Exception {
        // far ahead, so that no other test's day is affected
        LocalDate from = TestDates.today().plusDays(700);
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("district"))
                        .param("regionCode", "330105001000").param("effectiveFrom", from.toString())
                        .param("checkinRadiusM", "500").param("missedAfterMinutes", "45")
                        .param("callbackExtrapolation", "false").param("closedVisibleDays", "3"))
                .andExpect(status().is3xxRedirection());
        HomeCareSetting lantian = settings.on("330105001001", from);
        assertThat(lantian.missedAfterMinutes()).isEqualTo(45);
        assertThat(lantian.checkinRadiusM()).isEqualTo(500);
        assertThat(lantian.callbackExtrapolation()).isFalse();
        assertThat(lantian.closedVisibleDays()).isEqualTo(3);
        // the day before, and another street, keep what was in force
        assertThat(settings.on("330105001001", from.minusDays(1)).missedAfterMinutes()).isNotEqualTo(45);
        assertThat(settings.on("330105002001", from).missedAfterMinutes()).isNotEqualTo(45);

        // the same region and day again
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("district"))
                        .param("regionCode", "330105001000").param("effectiveFrom", from.toString())
                        .param("checkinRadiusM", "400").param("missedAfterMinutes", "40")
                        .param("closedVisibleDays", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该区域在这一天已有参数")));
        assertThat(settings.on("330105001001", from).missedAfterMinutes()).isEqualTo(45);
        mvc.perform(get("/home-care/settings").with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(from.toString())));
    }

    @Test
    void aRowForThePastOrWithBadValuesIsRefused() throws Exception {
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("district"))
                        .param("regionCode", "330105000000").param("effectiveFrom", TestDates.today().minusDays(1).toString())
                        .param("checkinRadiusM", "300").param("missedAfterMinutes", "30").param("closedVisibleDays", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("生效日期不能早于今天")));
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("district"))
                        .param("regionCode", "330105000000").param("effectiveFrom", TestDates.today().plusDays(800).toString())
                        .param("checkinRadiusM", "1").param("missedAfterMinutes", "45").param("closedVisibleDays", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        // text in a number field is refused as the application refuses unbindable forms
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("district"))
                        .param("regionCode", "330105000000").param("effectiveFrom", TestDates.today().plusDays(800).toString())
                        .param("checkinRadiusM", "300").param("missedAfterMinutes", "abc").param("closedVisibleDays", "7"))
                .andExpect(status().isBadRequest());
        assertThat(settings.on("330105001001", TestDates.today().plusDays(800)).checkinRadiusM()).isNotEqualTo(1);
    }

    @Test
    void staffReadAndOnlyDistrictStaffChange() throws Exception {
        mvc.perform(get("/home-care/settings").with(as("community"))).andExpect(status().isOk());
        mvc.perform(get("/home-care/settings").with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(get("/home-care/settings").with(as("provider"))).andExpect(status().isForbidden());
        mvc.perform(post("/home-care/settings").with(csrf()).with(as("street"))
                        .param("regionCode", "330105001000").param("effectiveFrom", TestDates.today().plusDays(900).toString())
                        .param("checkinRadiusM", "300").param("missedAfterMinutes", "30").param("closedVisibleDays", "7"))
                .andExpect(status().isForbidden());
    }
}
