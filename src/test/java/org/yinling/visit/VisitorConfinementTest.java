package org.yinling.visit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** A visitor reaches the home page, their password and the visit pages, nothing else of the registry. */
@SpringBootTest
@AutoConfigureMockMvc
class VisitorConfinementTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aVisitorIsKeptInsideTheVisitPages() throws Exception {
        mvc.perform(get("/").with(as("visitor"))).andExpect(status().isOk());
        mvc.perform(get("/account/password").with(as("visitor"))).andExpect(status().isOk());
        mvc.perform(get("/elders").with(as("visitor"))).andExpect(status().isForbidden());
        mvc.perform(get("/home-care/orders").with(as("visitor"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(as("visitor"))).andExpect(status().isForbidden());
        mvc.perform(get("/subsidies/applications").with(as("visitor"))).andExpect(status().isForbidden());
    }
}
