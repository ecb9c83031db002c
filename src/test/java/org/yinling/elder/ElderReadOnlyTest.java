package org.yinling.elder;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Penetration test finding L4: a deceased elder's record was changed by a direct POST of the edit form (the page
 * offers no edit button, the server accepted it). A deceased or moved-out elder is read-only: the edit and an
 * assessment are refused and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderReadOnlyTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeceasedOrMovedOutElderIsReadOnly() throws Exception {
        for (String change : new String[] {"deceased", "moved-out"}) {
            long elderId = elder("只读测试");
            mvc.perform(post("/elders/{id}/{change}", elderId, change).with(as("district")).with(csrf())
                            .param("date", LocalDate.now(org.yinling.TestDates.ZONE).minusDays(1).toString())
                            .param("reason", "证明 2026-1"))
                    .andExpect(status().isFound());
            String before = row(elderId);

            mvc.perform(edit(elderId, "只读测试改")).andExpect(status().isOk())
                    .andExpect(model().attributeHasErrors("form"));
            assertThat(row(elderId)).as("the record after an edit of a " + change + " elder").isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDER_UPDATED' AND entity_id = ?")
                    .param(Long.toString(elderId)).query(Integer.class).single()).isZero();
        }
    }

    private MockHttpServletRequestBuilder edit(long elderId, String name) {
        String residentId = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elderId).query(String.class).single();
        long version = jdbc.sql("SELECT version FROM elder WHERE id = ?").param(elderId).query(Long.class).single();
        return post("/elders/{id}", elderId).with(as("district")).with(csrf())
                .param("residentId", residentId).param("name", name).param("communityCode", LANTIAN)
                .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                .param("version", Long.toString(version));
    }

    private String row(long elderId) {
        return jdbc.sql("SELECT row_to_json(e)::text FROM elder e WHERE id = ?").param(elderId).query(String.class).single();
    }

    private long elder(String name) {
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(1, 999);
            LocalDate birth = LocalDate.of(1931 + sequence % 10, 1 + sequence % 12, 1 + sequence % 28);
            String body = "110108" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            var id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), name, birth, LANTIAN).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
    }
}
