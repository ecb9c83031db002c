package org.yinling.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.system.ApiTestDistrict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/payments?month=} (issue 22): a month's payment lines in the caller's region, by cursor. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiTest {

    static final String MONTH = "1990-01";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;
    @Autowired
    JsonMapper json;

    private final List<Long> lines = new ArrayList<>();

    @BeforeAll
    void aBatchWithALineInEachStreet() {
        ApiTestDistrict.create(jdbc, regions);
        long batch = jdbc.sql("""
                INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by)
                VALUES (?, DATE '1990-01-01', 'GENERATED', now(), 'test') RETURNING id
                """).param(ApiTestDistrict.DISTRICT).query(Long.class).single();
        for (String street : List.of("339801001", "339801002")) {
            long elder = ApiTestDistrict.elders(jdbc, street).get(0);
            long entitlement = ApiTestDistrict.entitlement(jdbc, elder, "123.4");
            lines.add(jdbc.sql("""
                            INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month,
                                kind, elder_name, resident_id, community_code, policy_version, tier_index, amount,
                                reference)
                            SELECT ?, s.id, s.elder_id, s.policy_id, s.policy_code, DATE '1990-01-01', 'REGULAR', e.name,
                                   e.resident_id, e.community_code, 1, 0, 123.4, 'API-' || s.id
                            FROM subsidy_entitlement s JOIN elder e ON e.id = s.elder_id WHERE s.id = ?
                            RETURNING id
                            """).params(batch, entitlement).query(Long.class).single());
        }
    }

    private JsonNode page(String query, org.springframework.test.web.servlet.request.RequestPostProcessor client)
            throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/payments?" + query).with(client))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theMonthsLinesComeByCursorWithMoneyAsStrings() throws Exception {
        List<String> seen = new ArrayList<>();
        JsonNode first = page("month=" + MONTH + "&limit=1", ApiTestDistrict.districtClient("payments:read"));
        assertThat(first.get("items").get(0).get("amount").asString()).isEqualTo("123.40");
        assertThat(first.get("items").get(0).get("month").asString()).isEqualTo(MONTH);
        assertThat(first.get("items").get(0).get("residentId").asString()).contains("*");
        seen.add(first.get("items").get(0).get("id").asString());
        JsonNode second = page("month=" + MONTH + "&limit=1&cursor=" + first.get("nextCursor").asString(),
                ApiTestDistrict.districtClient("payments:read"));
        second.get("items").forEach(item -> seen.add(item.get("id").asString()));
        assertThat(seen).containsExactly(lines.get(0).toString(), lines.get(1).toString());
        if (!second.get("nextCursor").isNull()) {
            assertThat(page("month=" + MONTH + "&cursor=" + second.get("nextCursor").asString(),
                    ApiTestDistrict.districtClient("payments:read")).get("items").size()).isZero();
        }
    }

    @Test
    void aStreetClientGetsOnlyItsOwnStreetsLines() throws Exception {
        JsonNode page = page("month=" + MONTH, ApiTestDistrict.streetOneClient("payments:read"));
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(lines.get(0).toString());
    }

    @Test
    void fullIdsOnlyWithTheirScope() throws Exception {
        String full = jdbc.sql("SELECT resident_id FROM payment_line WHERE id = ?").param(lines.get(0))
                .query(String.class).single();
        JsonNode page = page("month=" + MONTH,
                ApiTestDistrict.streetOneClient("payments:read", "elders:read-full-id"));
        assertThat(page.get("items").get(0).get("residentId").asString()).isEqualTo(full);
    }

    @Test
    void aBadOrMissingMonthIsA400ProblemAndTheScopeIsNeeded() throws Exception {
        for (String month : List.of("", "1990-13", "1990-1", "199001", "+999999999-12", "0000-01", "x")) {
            mvc.perform(get("/api/v1/payments").param("month", month)
                            .with(ApiTestDistrict.districtClient("payments:read")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/payments").with(ApiTestDistrict.districtClient("payments:read")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/payments").param("month", MONTH).param("cursor", "djF8eHh8MQ")
                .with(ApiTestDistrict.districtClient("payments:read"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/payments").param("month", MONTH).with(ApiTestDistrict.districtClient("elders:read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments").param("month", "1989-12")
                        .with(ApiTestDistrict.districtClient("payments:read")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.nextCursor").isEmpty());
    }
}
