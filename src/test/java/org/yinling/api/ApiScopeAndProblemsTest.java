package org.yinling.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestApiClients.districtClient;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route's scope and the problem details of bad input, on test-only routes (the real routes with scopes belong to
 * other modules): a missing scope is 403; unreadable JSON, an unknown field, a wrong type, a path variable of the wrong
 * type are 400 problems naming the field; never an HTML page nor a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiScopeAndProblemsTest {

    @Autowired
    MockMvc mvc;

    record Event(String eventId, LocalDate date, List<Item> items) {
    }

    record Item(int count) {
    }

    @RestController
    static class TestOnlyRoutes {

        @PreAuthorize("hasAuthority('SCOPE_statistics:read')")
        @GetMapping("/api/v1/test-only/statistics/{month}")
        String statistics(@PathVariable int month) {
            return "{\"month\": " + month + "}";
        }

        @PreAuthorize("hasAuthority('SCOPE_life-events:write')")
        @PostMapping(path = "/api/v1/test-only/events", consumes = MediaType.APPLICATION_JSON_VALUE)
        Event events(@RequestBody Event event) {
            return event;
        }
    }

    @TestConfiguration
    static class Routes {
        @Bean
        TestOnlyRoutes testOnlyRoutes() {
            return new TestOnlyRoutes();
        }
    }

    @Test
    void aMissingScopeIs403AndTheScopeLetsTheCallThrough() throws Exception {
        mvc.perform(get("/api/v1/test-only/statistics/3").with(districtClient("elders:read"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This client lacks the scope this call needs."));
        mvc.perform(get("/api/v1/test-only/statistics/3").with(districtClient("statistics:read")))
                .andExpect(status().isOk());
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws Exception {
        String ok = "{\"eventId\": \"e1\", \"date\": \"2026-12-01\", \"items\": [{\"count\": 1}]}";
        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .contentType(MediaType.APPLICATION_JSON).content(ok))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"eventId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblems.TYPE_BASE + "unreadable"));
        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\": \"e1\", \"date\": \"2026-12-01\", \"items\": [{\"count\": \"many\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The value of field items[0].count has the wrong type or format."));
        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\": \"e1\", \"date\": \"2026-13-45\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The value of field date has the wrong type or format."));
        mvc.perform(get("/api/v1/test-only/statistics/march").with(districtClient("statistics:read")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .contentType(MediaType.TEXT_PLAIN).content("death"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownFieldIsA400ProblemNamingIt() throws Exception {
        mvc.perform(post("/api/v1/test-only/events").with(districtClient("life-events:write"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\": \"e1\", \"deathDate\": \"2026-12-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request has an unknown field: deathDate."));
    }
}
