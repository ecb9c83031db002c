package org.yinling.meal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** {@code GET /api/v1/meal-points} (issue 22): the meal points of the caller's region with the communities served. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MealPointApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;
    @Autowired
    JsonMapper json;

    private long streetOnePoint;
    private long streetTwoPoint;

    @BeforeAll
    void aPointInEachStreet() {
        ApiTestDistrict.create(jdbc, regions);
        streetOnePoint = point(ApiTestDistrict.COMMUNITIES.get(0));
        streetTwoPoint = point(ApiTestDistrict.COMMUNITIES.get(2));
        jdbc.sql("INSERT INTO meal_point_community (meal_point_id, community_code) VALUES (?, ?), (?, ?)")
                .params(streetOnePoint, ApiTestDistrict.COMMUNITIES.get(0), streetOnePoint,
                        ApiTestDistrict.COMMUNITIES.get(1)).update();
    }

    private long point(String community) {
        return jdbc.sql("""
                INSERT INTO meal_point (name, kind, community_code, serves_lunch, created_by, updated_by)
                VALUES ('接口食堂', 'CANTEEN', ?, TRUE, 'test', 'test') RETURNING id
                """).param(community).query(Long.class).single();
    }

    private JsonNode list(org.springframework.test.web.servlet.request.RequestPostProcessor client) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/meal-points").with(client)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aStreetClientSeesItsOwnPointsWithTheCommunitiesTheyServe() throws Exception {
        JsonNode street = list(ApiTestDistrict.streetOneClient("institutions:read"));
        List<String> ids = new ArrayList<>();
        street.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(Long.toString(streetOnePoint)).doesNotContain(Long.toString(streetTwoPoint));
        JsonNode point = street.get("items").get(ids.indexOf(Long.toString(streetOnePoint)));
        assertThat(point.get("kind").asString()).isEqualTo("CANTEEN");
        assertThat(point.get("servedCommunities").toString())
                .isEqualTo("[\"" + ApiTestDistrict.COMMUNITIES.get(0) + "\",\"" + ApiTestDistrict.COMMUNITIES.get(1) + "\"]");
        JsonNode district = list(ApiTestDistrict.districtClient("institutions:read"));
        assertThat(district.get("items").toString()).contains("\"" + streetTwoPoint + "\"");
        mvc.perform(get("/api/v1/meal-points").with(ApiTestDistrict.districtClient("statistics:read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/meal-points").param("cursor", "%%%")
                .with(ApiTestDistrict.districtClient("institutions:read"))).andExpect(status().isBadRequest());
    }
}
