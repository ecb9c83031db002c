package org.yinling.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.system.ApiTestDistrict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/institutions[/{id}]} (issue 22): beds by kind and occupancy, inside the caller's region. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstitutionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;
    @Autowired
    JsonMapper json;

    private long streetOneHome;
    private long streetTwoHome;

    @BeforeAll
    void aHomeInEachStreet() {
        ApiTestDistrict.create(jdbc, regions);
        streetOneHome = home(ApiTestDistrict.COMMUNITIES.get(0), "接口一院");
        streetTwoHome = home(ApiTestDistrict.COMMUNITIES.get(2), "接口二院");
        // street one's home: 4 beds, 3 of them nursing-type; one nursing bed and one general bed occupied
        List<Long> beds = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            beds.add(jdbc.sql("INSERT INTO bed (institution_id, room, label, nursing) VALUES (?, '1', ?, ?) RETURNING id")
                    .params(streetOneHome, "B" + i, i <= 3).query(Long.class).single());
        }
        List<Long> elders = ApiTestDistrict.elders(jdbc, "339801001");
        stay(elders.get(0), beds.get(0));
        stay(elders.get(1), beds.get(3));
    }

    private long home(String community, String name) {
        return jdbc.sql("""
                INSERT INTO institution (name, kind, ownership, community_code, address, created_by, updated_by)
                VALUES (?, 'PUBLIC_HOME', 'PUBLIC', ?, '接口路 1 号', 'test', 'test') RETURNING id
                """).params(name, community).query(Long.class).single();
    }

    private void stay(long elder, long bed) {
        jdbc.sql("""
                INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                VALUES (?, ?, ?, DATE '2024-01-01', 'SELF', FALSE, 'test')
                """).params(elder, streetOneHome, bed).update();
    }

    @Test
    void anInstitutionHasItsBedsByKindAndItsOccupancy() throws Exception {
        mvc.perform(get("/api/v1/institutions/" + streetOneHome).with(ApiTestDistrict.districtClient("institutions:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PUBLIC_HOME"))
                .andExpect(jsonPath("$.beds.total").value(4))
                .andExpect(jsonPath("$.beds.nursing").value(3))
                .andExpect(jsonPath("$.beds.general").value(1))
                .andExpect(jsonPath("$.occupancy.occupiedBeds").value(2))
                .andExpect(jsonPath("$.occupancy.occupiedNursingBeds").value(1))
                .andExpect(jsonPath("$.occupancy.freeBeds").value(2))
                .andExpect(jsonPath("$.occupancy.rate").value("0.5000"));
    }

    @Test
    void theListIsTheCallersRegionOnly() throws Exception {
        JsonNode district = json.readTree(mvc.perform(get("/api/v1/institutions")
                        .with(ApiTestDistrict.districtClient("institutions:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        district.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(Long.toString(streetOneHome), Long.toString(streetTwoHome));
        JsonNode street = json.readTree(mvc.perform(get("/api/v1/institutions")
                        .with(ApiTestDistrict.streetOneClient("institutions:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        street.get("items").forEach(item -> assertThat(item.get("communityCode").asString()).startsWith("339801001"));
        mvc.perform(get("/api/v1/institutions/" + streetTwoHome).with(ApiTestDistrict.streetOneClient("institutions:read")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/institutions").with(ApiTestDistrict.districtClient("elders:read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/institutions").param("limit", "-1")
                .with(ApiTestDistrict.districtClient("institutions:read"))).andExpect(status().isBadRequest());
    }

    @Test
    void pagingByCursorGivesEachInstitutionOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json.readTree(mvc.perform(get("/api/v1/institutions?limit=1"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                            .with(ApiTestDistrict.districtClient("institutions:read")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null && seen.size() < 100);
        assertThat(seen).containsExactlyElementsOf(jdbc.sql(
                        "SELECT id FROM institution WHERE community_code LIKE '339801%' ORDER BY community_code, id")
                .query(Long.class).list().stream().map(String::valueOf).toList());
    }
}
