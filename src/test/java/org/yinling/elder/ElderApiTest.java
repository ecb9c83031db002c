package org.yinling.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.region.RegionLevel;
import org.yinling.system.ApiTestDistrict;
import org.yinling.system.TestApiClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read API's elder routes (issue 22, docs/api.md §5) on a district of this test's own (339801): paging by
 * cursor, region scoping, masked and full IDs, scopes, ETags, money as strings, problem details for bad input, and the
 * audit of each page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElderApiTest {

    static final String DISTRICT = ApiTestDistrict.DISTRICT;
    static final String STREET_ONE = ApiTestDistrict.STREET_ONE;
    static final String STREET_TWO = ApiTestDistrict.STREET_TWO;
    static final List<String> COMMUNITIES = ApiTestDistrict.COMMUNITIES;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yinling.region.Regions regions;
    @Autowired
    JsonMapper json;

    @BeforeAll
    void district() {
        ApiTestDistrict.create(jdbc, regions);
    }

    private static RequestPostProcessor districtClient(String... scopes) {
        return TestApiClients.client("elder-api-district", DISTRICT, RegionLevel.DISTRICT, scopes);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private List<String> idsInRegistryOrder(String prefix) {
        return jdbc.sql("SELECT id FROM elder WHERE community_code LIKE ? ORDER BY community_code, id")
                .param(prefix + "%").query(Long.class).list().stream().map(String::valueOf).toList();
    }

    @Test
    void pagingByCursorGetsEveryElderOfTheRegionExactlyOnceInOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            // the query in the URL itself, as a real request has it (the Link header repeats it)
            var request = get("/api/v1/elders?limit=4" + (cursor == null ? "" : "&cursor=" + cursor))
                    .with(districtClient("elders:read"));
            MvcResult result = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn();
            JsonNode page = body(result);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(4);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            String link = result.getResponse().getHeader("Link");
            if (cursor == null) {
                assertThat(link).isNull();
            }
            else {
                assertThat(link).contains("cursor=" + cursor).contains("limit=4").endsWith("; rel=\"next\"");
            }
            pages++;
        } while (cursor != null && pages < 100);
        List<String> expected = idsInRegistryOrder("339801");
        assertThat(expected).hasSizeGreaterThanOrEqualTo(23);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
    }

    @Test
    void eachPageIsOneAuditRowNamingTheClientAndTheNumberOfRecords() throws Exception {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
        mvc.perform(get("/api/v1/elders").param("limit", "5").with(districtClient("elders:read")))
                .andExpect(status().isOk());
        List<String> rows = jdbc.sql("""
                        SELECT actor || ' ' || (details ->> 'records') || ' ' || (details ->> 'fullIds') FROM audit_event
                        WHERE id > ? AND action = 'API_ELDERS_READ' AND actor = 'api:elder-api-district'
                        """).param(before).query(String.class).list();
        assertThat(rows).containsExactly("api:elder-api-district 5 false");
    }

    @Test
    void aStreetClientSeesNothingOfAnotherStreet() throws Exception {
        RequestPostProcessor streetOne = TestApiClients.client("elder-api-street", STREET_ONE, RegionLevel.STREET,
                "elders:read");
        JsonNode page = body(mvc.perform(get("/api/v1/elders").param("limit", "1000").with(streetOne))
                .andExpect(status().isOk()).andReturn());
        List<String> communities = new ArrayList<>();
        page.get("items").forEach(item -> communities.add(item.get("communityCode").asString()));
        assertThat(communities).isNotEmpty().allMatch(code -> code.startsWith("339801001"));
        assertThat(page.get("items").size()).isEqualTo(idsInRegistryOrder("339801001").size());

        String otherStreets = idsInRegistryOrder("339801002").get(0);
        mvc.perform(get("/api/v1/elders/" + otherStreets).with(streetOne))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/elders/" + otherStreets + "/assessments").with(streetOne))
                .andExpect(status().isNotFound());
        // the other street as a filter: the same 404 as a region that does not exist at all
        String unknown = body(mvc.perform(get("/api/v1/elders").param("region", "339801009000").with(streetOne))
                .andExpect(status().isNotFound()).andReturn()).get("detail").asString();
        String elsewhere = body(mvc.perform(get("/api/v1/elders").param("region", STREET_TWO).with(streetOne))
                .andExpect(status().isNotFound()).andReturn()).get("detail").asString();
        assertThat(elsewhere).isEqualTo(unknown);
        // its own elder is there
        String own = idsInRegistryOrder("339801001").get(0);
        mvc.perform(get("/api/v1/elders/" + own).with(streetOne))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(own));
    }

    @Test
    void aRegionFilterNarrowsTheList() throws Exception {
        JsonNode page = body(mvc.perform(get("/api/v1/elders").param("region", COMMUNITIES.get(2))
                .with(districtClient("elders:read"))).andExpect(status().isOk()).andReturn());
        assertThat(page.get("items").size()).isEqualTo(idsInRegistryOrder(COMMUNITIES.get(2)).size()).isPositive();
        page.get("items").forEach(item -> assertThat(item.get("communityCode").asString()).isEqualTo(COMMUNITIES.get(2)));
    }

    @Test
    void residentIdsAndPhonesAreMaskedUnlessTheClientMayReadThemInFull() throws Exception {
        String id = idsInRegistryOrder("339801").get(0);
        String full = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single();
        mvc.perform(get("/api/v1/elders/" + id).with(districtClient("elders:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.residentId").value(ResidentId.mask(full)))
                .andExpect(jsonPath("$.residentIdMasked").value(true))
                .andExpect(jsonPath("$.phone").value("139****5678"));
        mvc.perform(get("/api/v1/elders/" + id).with(districtClient("elders:read", "elders:read-full-id")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.residentId").value(full))
                .andExpect(jsonPath("$.residentIdMasked").value(false))
                .andExpect(jsonPath("$.phone").value("13912345678"));
        JsonNode masked = body(mvc.perform(get("/api/v1/elders").param("limit", "3").with(districtClient("elders:read")))
                .andReturn());
        masked.get("items").forEach(item -> assertThat(item.get("residentId").asString()).contains("*"));
    }

    @Test
    void fieldsAreStableCodesIsoDatesAndMoneyAsDecimalStrings() throws Exception {
        String id = idsInRegistryOrder("339801").get(0);
        mvc.perform(get("/api/v1/elders/" + id).with(districtClient("elders:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incomePerPerson").value("1234.50"))
                .andExpect(jsonPath("$.economicStatus").value("MINIMUM_LIVING"))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.birthDate").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
                .andExpect(jsonPath("$.updatedAt").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")))
                .andExpect(jsonPath("$.lifeStatus").value("ACTIVE"));
        mvc.perform(get("/api/v1/elders/" + id + "/assessments").with(districtClient("elders:read")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
    }

    @Test
    void withoutTheScopeTheAnswerIsA403Problem() throws Exception {
        mvc.perform(get("/api/v1/elders").with(districtClient("payments:read")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/elders/1").with(districtClient("elders:read-full-id")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnchangedAnswerIsA304ForItsEtag() throws Exception {
        String id = idsInRegistryOrder("339801").get(0);
        MvcResult first = mvc.perform(get("/api/v1/elders/" + id).with(districtClient("elders:read")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")))
                .andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/api/v1/elders/" + id).header("If-None-Match", etag).with(districtClient("elders:read")))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
        jdbc.sql("UPDATE elder SET address = ? WHERE id = ?").params("改过的地址 " + System.nanoTime(),
                Long.parseLong(id)).update();
        mvc.perform(get("/api/v1/elders/" + id).header("If-None-Match", etag).with(districtClient("elders:read")))
                .andExpect(status().isOk());
        MvcResult page = mvc.perform(get("/api/v1/elders").param("limit", "2").with(districtClient("elders:read")))
                .andExpect(status().isOk()).andReturn();
        mvc.perform(get("/api/v1/elders").param("limit", "2").header("If-None-Match", page.getResponse().getHeader("ETag"))
                .with(districtClient("elders:read"))).andExpect(status().isNotModified());
    }

    @Test
    void badParametersAreProblemDetailsNeverA500() throws Exception {
        for (String[] bad : List.of(new String[] {"cursor", "not-a-cursor!"}, new String[] {"cursor", "djF8eHh8MQ"},
                new String[] {"limit", "0"}, new String[] {"limit", "1001"},
                new String[] {"limit", "abc"}, new String[] {"limit", "99999999999"}, new String[] {"region", "3301"},
                new String[] {"updatedSince", "yesterday"}, new String[] {"lifeStatus", "ALIVE"})) {
            mvc.perform(get("/api/v1/elders").param(bad[0], bad[1]).header("Accept-Language", "en")
                            .with(districtClient("elders:read")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.detail").isNotEmpty())
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith("https://yinling.org/problems/")));
        }
        // a NUL byte is refused before the API is reached (the firewall's 400)
        mvc.perform(get("/api/v1/elders").param("cursor", "\u0000").with(districtClient("elders:read")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/elders").param("limit", "0").header("Accept-Language", "en")
                        .with(districtClient("elders:read")))
                .andExpect(jsonPath("$.detail").value("The page size limit must be a whole number from 1 to 1000."));
        mvc.perform(get("/api/v1/elders/abc").with(districtClient("elders:read"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders/99999999999999999999").with(districtClient("elders:read")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders").param("updatedSince", "2020-01-01T00:00:00+08:00")
                .with(districtClient("elders:read"))).andExpect(status().isOk());
    }
}
