package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the code: every {@code /api/v1} route of the handler mapping is described, with the
 * bearer scheme (but the token endpoint) and the problem-detail responses 401, 403 and 429.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentContractTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theDocumentDescribesEveryApiRouteWithTheBearerSchemeAndProblemResponses() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = json.readTree(body);
        assertThat(document.at("/info/title").asString()).contains("Yinling");
        assertThat(document.at("/info/description").asString()).contains("访问令牌").contains("access token");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");

        List<String> problems = new ArrayList<>();
        int described = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                var methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    JsonNode operation = document.path("paths").path(pattern).path(method.name().toLowerCase());
                    String route = method + " " + pattern;
                    if (operation.isMissingNode()) {
                        problems.add(route + ": not in the document");
                        continue;
                    }
                    described++;
                    JsonNode security = operation.path("security");
                    if (pattern.equals(ApiTokenController.PATH)) {
                        if (!security.isArray() || !security.isEmpty()) {
                            problems.add(route + ": the token endpoint must need no token");
                        }
                        continue;
                    }
                    if (!security.toString().contains("\"bearer\"")) {
                        problems.add(route + ": no bearer scheme");
                    }
                    for (String code : List.of("401", "403", "429")) {
                        JsonNode response = operation.path("responses").path(code);
                        if (response.path("content").path("application/problem+json").isMissingNode()) {
                            problems.add(route + ": no " + code + " problem response");
                        }
                        else if (response.path("content").path("application/problem+json").path("examples").isEmpty()) {
                            problems.add(route + ": no example of its " + code);
                        }
                    }
                    if (operation.path("responses").path("429").path("headers").path("Retry-After").isMissingNode()) {
                        problems.add(route + ": 429 without Retry-After");
                    }
                }
            }
        }
        assertThat(described).as("API routes described").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    /** A reference the Swagger page cannot follow shows as an error there instead of the schema. */
    @Test
    void everyReferenceInTheDocumentResolves() throws Exception {
        JsonNode document = document();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    /** The inbound-event bodies are read by hand (per-event problems), so their shape is described explicitly. */
    @Test
    void theInboundEventBodiesNameTheirFieldsValuesAndLimit() throws Exception {
        JsonNode document = document();
        JsonNode life = document.at("/paths/~1api~1v1~1life-events/post/requestBody/content/application~1json");
        assertThat(life.at("/schema/oneOf/1/maxItems").intValue()).isEqualTo(10_000);
        assertThat(life.path("examples").path("death").path("value").path("type").asString()).isEqualTo("DEATH");
        JsonNode lifeEvent = document.at("/components/schemas/LifeEvent");
        assertThat(lifeEvent.path("required").toString()).contains("eventId", "type", "residentId", "date");
        assertThat(lifeEvent.at("/properties/type/enum").toString()).contains("DEATH", "MOVE_OUT", "MOVE_IN");
        assertThat(lifeEvent.at("/properties/communityCode/pattern").asString()).isEqualTo("^[0-9]{12}$");
        JsonNode status = document.at("/components/schemas/StatusChange");
        assertThat(status.at("/properties/economicStatus/enum").toString()).contains("MINIMUM_LIVING", "EXTREME_POVERTY");
        assertThat(status.at("/properties/disabilityLevel/maximum").intValue()).isEqualTo(4);
        assertThat(document.at("/paths/~1api~1v1~1status-changes/post/requestBody/content/application~1json/examples")
                .has("disability")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1life-events/post/responses/413/content/application~1problem+json")
                .isMissingNode()).isFalse();
        // the handlers' JSON tree type is no schema of the API
        assertThat(document.at("/components/schemas/JsonNode").isMissingNode()).isTrue();
        // the pages' conflict page is not an answer of the API
        assertThat(document.at("/paths/~1api~1v1~1life-events/post/responses/409").isMissingNode()).isTrue();
    }

    private JsonNode document() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isString()) {
                    refs.add(field.getValue().asString());
                }
                else {
                    collectRefs(field.getValue(), refs);
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void theDocumentAndItsPageAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as("district"))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").with(as("district"))).andExpect(status().isForbidden());
    }
}
