package org.yinling.dashboard;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.system.ApiTestDistrict;
import org.yinling.TestDates;

/** {@code GET /api/v1/indicators?region=&month=} (issue 22): a region's indicators, inside the caller's region only. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;

    @BeforeAll
    void district() {
        ApiTestDistrict.create(jdbc, regions);
    }

    @Test
    void aStreetsIndicatorsForThisMonthCountItsElders() throws Exception {
        int elders = ApiTestDistrict.elders(jdbc, "339801001").size();
        String month = TestDates.thisMonth().toString();
        mvc.perform(get("/api/v1/indicators").param("region", ApiTestDistrict.STREET_ONE).param("month", month)
                        .with(ApiTestDistrict.districtClient("statistics:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value(ApiTestDistrict.STREET_ONE))
                .andExpect(jsonPath("$.month").value(month))
                .andExpect(jsonPath("$.indicators[?(@.code == 'ELDERS_60')].value").value(Integer.toString(elders)))
                .andExpect(jsonPath("$.indicators[?(@.code == 'ELDERS_60')].unit").value("PEOPLE"));
    }

    @Test
    void anotherStreetOrAnUnknownRegionIsA404AndBadMonthsA400() throws Exception {
        String month = TestDates.thisMonth().toString();
        mvc.perform(get("/api/v1/indicators").param("region", ApiTestDistrict.STREET_TWO).param("month", month)
                .with(ApiTestDistrict.streetOneClient("statistics:read"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators").param("region", "339801009000").param("month", month)
                .with(ApiTestDistrict.streetOneClient("statistics:read"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators").param("region", ApiTestDistrict.DISTRICT).param("month", month)
                .with(ApiTestDistrict.streetOneClient("statistics:read"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators").param("month", TestDates.thisMonth().plusMonths(1).toString())
                .with(ApiTestDistrict.streetOneClient("statistics:read"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/indicators").param("month", "2024-13")
                .with(ApiTestDistrict.streetOneClient("statistics:read"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/indicators").param("month", month)
                .with(ApiTestDistrict.streetOneClient("elders:read"))).andExpect(status().isForbidden());
    }
}
