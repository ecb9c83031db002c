package org.yinling.subsidy;

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

/** {@code GET /api/v1/elders/{id}/entitlements} (issue 22): an elder's entitlements, inside the caller's region only. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitlementApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;

    private long elder;
    private long entitlement;

    @BeforeAll
    void anElderWithAnEntitlementInStreetTwo() {
        ApiTestDistrict.create(jdbc, regions);
        elder = ApiTestDistrict.elders(jdbc, "339801002").get(1);
        entitlement = ApiTestDistrict.entitlement(jdbc, elder, "1500");
    }

    @Test
    void theDistrictReadsTheEntitlementWithMonthsAndMoneyAsStrings() throws Exception {
        mvc.perform(get("/api/v1/elders/" + elder + "/entitlements").with(ApiTestDistrict.districtClient("elders:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(Long.toString(entitlement)))
                .andExpect(jsonPath("$[0].amount").value("1500.00"))
                .andExpect(jsonPath("$[0].startMonth").value("2020-01"))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].frequency").value("MONTHLY"))
                .andExpect(jsonPath("$[0].payeeAccount").doesNotExist());
    }

    @Test
    void anotherStreetsClientGetsA404AndAClientWithoutTheScopeA403() throws Exception {
        mvc.perform(get("/api/v1/elders/" + elder + "/entitlements")
                        .with(ApiTestDistrict.streetOneClient("elders:read")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/elders/" + elder + "/entitlements")
                        .with(ApiTestDistrict.districtClient("payments:read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/elders/x1/entitlements").with(ApiTestDistrict.districtClient("elders:read")))
                .andExpect(status().isNotFound());
    }
}
