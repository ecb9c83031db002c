package org.yinling.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.region.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 21 §4 on a county of its own modelled on seed 003 (7 敬老院 735 beds, 78 幸福院 463, 3 day-care centres 60,
 * 2 private homes 350, 1 医养结合体 37: 1,645 beds; 46,242 elders 60+ from the official statistics: 35.6 per 1000),
 * with the nursing-bed share of institutions only, seed 002's four nursing-type institutions, the ageing ratio of
 * local elders, day-care coverage of central and rural communities and seed 001's facility coverage.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorsAsDefinedTest {

    static final String COUNTY = "140107000000";
    static final String TOWN = "140107001000";
    static final String RURAL = "140107002000";
    static final String BARE = "140107003000";
    static final String CENTRAL = "140107001001";
    static final String FRINGE = "140107001002";
    static final String R1 = "140107002201";
    static final String R2 = "140107002202";
    static final String R3 = "140107002203";
    static final String T1 = "140107003001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DashboardService dashboards;
    @Autowired
    Regions regions;

    final LocalDate today = TestDates.today();

    @Test
    void theSeedsNumbersOfAKnownCounty() throws Exception {
        DashboardFixtures f = new DashboardFixtures(mvc, jdbc, encoder);
        f.region(COUNTY, null, "种子三县", null, null);
        f.region(TOWN, COUNTY, "城关街道", null, null);
        f.region(RURAL, COUNTY, "山乡", null, null);
        f.region(BARE, COUNTY, "空镇", null, null);
        f.region(CENTRAL, TOWN, "主城社区", "MAIN_URBAN", 1000);
        f.region(FRINGE, TOWN, "城郊社区", "URBAN_RURAL_FRINGE", 500);
        f.region(R1, RURAL, "一村", "VILLAGE", 300);
        f.region(R2, RURAL, "二村", "VILLAGE", 200);
        f.region(R3, RURAL, "三村", "TOWNSHIP_CENTRE", 100);
        f.region(T1, BARE, "镇区社区", "TOWN_CENTRE", 100);
        // seed 003's beds: 7 敬老院 (105 each, the first with 60 nursing beds), 78 幸福院, 3 day-care centres (one with
        // 20 nursing beds, left out of the share), 2 private homes, 1 医养结合体
        for (int i = 0; i < 7; i++) {
            f.institution(R1, "RURAL_HOME", "PUBLIC", 105, i == 0 ? 60 : 0);
        }
        for (int i = 0; i < 78; i++) {
            f.institution(R2, "RURAL_HAPPINESS_HOME", "PUBLIC", i == 0 ? 1 : 6, 0);
        }
        f.institution(CENTRAL, "DAY_CARE_CENTRE", "PUBLIC", 20, 20);
        f.institution(R1, "DAY_CARE_CENTRE", "PUBLIC", 20, 0);
        f.institution(R1, "DAY_CARE_CENTRE", "PUBLIC", 20, 0);
        f.institution(CENTRAL, "PRIVATE_HOME", "PRIVATE", 200, 180);
        f.institution(CENTRAL, "PRIVATE_HOME", "PRIVATE", 150, 100);
        f.institution(FRINGE, "MEDICAL_CARE_COMBINED", "PRIVATE", 37, 37);
        // three local elders 60+ and two from elsewhere in the central community, one local of 59
        for (int i = 0; i < 3; i++) {
            f.elder(CENTRAL, "FEMALE", today.minusYears(70 + i), "NONE", null);
        }
        for (int i = 0; i < 2; i++) {
            long elsewhere = f.elder(CENTRAL, "MALE", today.minusYears(75 + i), "NONE", null);
            jdbc.sql("UPDATE elder SET hukou_local = FALSE WHERE id = ?").param(elsewhere).update();
        }
        f.elder(CENTRAL, "MALE", today.minusYears(59), "NONE", null);

        IndicatorSheet before = dashboards.build(regions.find(COUNTY).orElseThrow(), today).sheet();
        assertThat(before.get(Indicator.BEDS).value()).isEqualByComparingTo("1645");
        assertThat(before.get(Indicator.AGING_RATIO).value()).isEqualByComparingTo("0.0014");        // 3 / 2,200
        assertThat(before.get(Indicator.AGING_RATIO_REGISTERED).value()).isEqualByComparingTo("0.0014");
        assertThat(before.get(Indicator.ELDERS_60).value()).isEqualByComparingTo("5");
        assertThat(before.get(Indicator.ELDERS_60_LOCAL).value()).isEqualByComparingTo("3");
        assertThat(before.get(Indicator.ELDERS_60_STATISTICAL).value()).isNull();

        // district staff enter the county's official statistics: 46,242 elders 60+ of 273,621 (seed 000: 16.9 %)
        RequestPostProcessor staff = f.as("sd.district", "DISTRICT_STAFF", COUNTY);
        mvc.perform(post("/dashboard/statistics").with(staff).with(csrf()).param("regionCode", COUNTY)
                        .param("year", "2024").param("registeredPopulation", "100").param("elders60", "101")
                        .param("source", "统计公报").param("publishedOn", "2025-03-01"))
                .andExpect(status().isOk());                                                        // refused, form kept
        assertThat(jdbc.sql("SELECT count(*) FROM region_statistic WHERE region_code = ?").param(COUNTY)
                .query(Long.class).single()).isZero();
        mvc.perform(post("/dashboard/statistics").with(staff).with(csrf()).param("regionCode", COUNTY)
                        .param("year", String.valueOf(today.getYear() - 1)).param("registeredPopulation", "273621")
                        .param("elders60", "46242").param("elders80", "6100").param("source", "县统计公报")
                        .param("publishedOn", today.minusDays(30).toString()))
                .andExpect(status().isFound());
        mvc.perform(post("/dashboard/statistics").with(f.as("sd.manager", "MANAGER", COUNTY)).with(csrf())
                .param("regionCode", COUNTY)).andExpect(status().isForbidden());

        Dashboard dashboard = dashboards.build(regions.find(COUNTY).orElseThrow(), today);
        IndicatorSheet sheet = dashboard.sheet();
        assertThat(sheet.get(Indicator.BEDS).value()).isEqualByComparingTo("1645");
        assertThat(sheet.get(Indicator.BEDS_PER_THOUSAND).value()).isEqualByComparingTo("35.6");      // seed 003
        assertThat(sheet.get(Indicator.INSTITUTION_BEDS).value()).isEqualByComparingTo("1122");      // 735 + 350 + 37
        assertThat(sheet.get(Indicator.NURSING_BEDS).value()).isEqualByComparingTo("377");
        assertThat(sheet.get(Indicator.NURSING_BED_SHARE).value()).isEqualByComparingTo("0.3360");   // 377 / 1122
        assertThat(sheet.get(Indicator.NURSING_INSTITUTIONS).value()).isEqualByComparingTo("4");
        assertThat(sheet.get(Indicator.NURSING_INSTITUTIONS).status()).isEqualTo(TargetStatus.GREEN);  // seed 002: 4
        assertThat(sheet.get(Indicator.AGING_RATIO).value()).isEqualByComparingTo("0.1690");         // 46,242 / 273,621
        assertThat(sheet.get(Indicator.AGING_RATIO_REGISTERED).value()).isEqualByComparingTo("0.0014");
        assertThat(sheet.get(Indicator.ELDERS_60_STATISTICAL).value()).isEqualByComparingTo("46242");
        // day care: the central community has one (the fringe is not central unless the district says so); one of
        // the three rural communities has one; the town is in neither
        assertThat(sheet.get(Indicator.DAY_CARE_URBAN).value()).isEqualByComparingTo("1.0000");
        assertThat(sheet.get(Indicator.DAY_CARE_RURAL).value()).isEqualByComparingTo("0.3333");
        // seed 001: facilities in two of three rural communities (60 % met) and two of three streets (80 % not)
        assertThat(sheet.get(Indicator.FACILITY_RURAL).value()).isEqualByComparingTo("0.6667");
        assertThat(sheet.get(Indicator.FACILITY_RURAL).status()).isEqualTo(TargetStatus.GREEN);
        assertThat(sheet.get(Indicator.FACILITY_STREETS).value()).isEqualByComparingTo("0.6667");
        assertThat(sheet.get(Indicator.FACILITY_STREETS).status()).isEqualTo(TargetStatus.RED);

        // the county counts its 城乡结合区 as central urban from today (a setting of its own, set by the administrator)
        RequestPostProcessor admin = f.as("sd.admin", "ADMIN", COUNTY);
        mvc.perform(post("/admin/targets/settings").with(admin).with(csrf()).param("setting", "FRINGE_IS_CENTRAL")
                        .param("regionCode", COUNTY).param("value", "1").param("effectiveFrom", today.toString()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashSuccess", "indicator.setting.saved"));
        mvc.perform(post("/admin/targets/settings").with(admin).with(csrf()).param("setting", "NO_SUCH")
                        .param("value", "1").param("effectiveFrom", today.toString()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "indicator.setting.invalid"));
        assertThat(dashboards.build(regions.find(COUNTY).orElseThrow(), today).sheet()
                .get(Indicator.DAY_CARE_URBAN).value()).isEqualByComparingTo("0.5000");

        // staffing: the district centre needs 2; the page shows both figures and the bed total
        assertThat(dashboard.staffing().get(0).required()).isEqualTo(2);
        String page = mvc.perform(get("/dashboard/regions/" + COUNTY).with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("46,242").contains("1,645").contains("县统计公报").contains("35.6");
        String statistics = mvc.perform(get("/dashboard/statistics").with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(statistics).contains("273,621");
    }

    @Test
    void aStreetIsNotGreenWhileACommunityThatNeedsAWorkerHasNone() {
        java.util.Map<IndicatorSettings.Setting, java.math.BigDecimal> set = new java.util.EnumMap<>(IndicatorSettings.Setting.class);
        set.put(IndicatorSettings.Setting.STAFF_AGING_THRESHOLD, new java.math.BigDecimal("0.20"));
        set.put(IndicatorSettings.Setting.STAFF_STREET_BELOW, java.math.BigDecimal.ONE);
        set.put(IndicatorSettings.Setting.STAFF_STREET_FROM, java.math.BigDecimal.valueOf(2));
        set.put(IndicatorSettings.Setting.STAFF_COMMUNITY_ELDERS, java.math.BigDecimal.valueOf(100));
        Figures busy = new Figures();
        busy.purchasedServiceElders = 100;
        Figures quiet = new Figures();
        quiet.purchasedServiceElders = 99;
        Figures old = new Figures();
        old.population = 100;
        old.local60 = 20;
        IndicatorSheet street = IndicatorSheet.of(old, java.util.Map.of());
        java.util.Map<String, Figures> communities = new java.util.LinkedHashMap<>();
        communities.put("999999001001", busy);
        communities.put("999999001002", quiet);
        java.util.Map<String, Integer> recorded = new java.util.HashMap<>();
        recorded.put("999999001000", 2);
        StreetStaffing.Row row = StreetStaffing.street("999999001000", "s", street, communities, set, recorded);
        assertThat(row.required()).isEqualTo(2);                                             // 20 % of the 户籍 population
        assertThat(row.communitiesNeeding()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(TargetStatus.AMBER);
        recorded.put("999999001001", 1);
        assertThat(StreetStaffing.street("999999001000", "s", street, communities, set, recorded).status())
                .isEqualTo(TargetStatus.GREEN);
        assertThat(StreetStaffing.community("999999001002", "c", quiet, set, null).required()).isZero();
    }
}
