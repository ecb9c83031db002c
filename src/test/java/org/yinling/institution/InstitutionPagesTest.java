package org.yinling.institution;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.elder.ElderUpdated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Institutions through their pages: registration, beds, admissions with their rules, and who may see what. */
@SpringBootTest
@AutoConfigureMockMvc
class InstitutionPagesTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void users() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('xiangfu.institutions', 'x', ?, 'STREET_REVIEWER', '330105002000') ON CONFLICT DO NOTHING
                        """).param(passwordEncoder.encode("Secret123")).update();
    }

    @Test
    void aPublicBuiltPrivatelyRunHomeKeepsItsLastPlacesForExtremePovertyElders() throws Exception {
        long home = register("蓝天公建民营养老院", "PUBLIC_BUILT_PRIVATE_RUN", "AGREEMENT");
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "101").param("from", "1").param("to", "10")
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.beds.added"));
        // 10 beds: 3 kept for 特困 elders, so 7 others at most
        for (int i = 0; i < 7; i++) {
            admit(home, elder("NONE"), bed(home, i)).andExpect(status().is3xxRedirection());
        }
        String other = elder("MINIMUM_LIVING");
        admit(home, other, bed(home, 7))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("30%")));
        admit(home, elder("EXTREME_POVERTY"), bed(home, 7)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("id=\"reserved-share\"")));
    }

    @Test
    void anElderOccupiesOneBedAtMostAndIsDischargedOrTransferred() throws Exception {
        long home = register("蓝天民办养老院", "PRIVATE", "NONE");
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "A").param("from", "1").param("to", "3")
                .param("nursing", "true").with(as("district")).with(csrf()));
        String elder = elder("NONE");
        admit(home, elder, bed(home, 0)).andExpect(status().is3xxRedirection());
        admit(home, elder, bed(home, 1))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("admission", "residentId", "institution.admission.alreadyStaying"));
        // a bed holds one elder
        admit(home, elder("NONE"), bed(home, 0))
                .andExpect(model().attributeHasFieldErrorCode("admission", "bedId", "institution.admission.bedNotFree"));

        long stay = jdbc.sql("SELECT s.id FROM stay s JOIN elder e ON e.id = s.elder_id WHERE e.resident_id = ? AND s.ended_on IS NULL")
                .param(elder).query(Long.class).single();
        mvc.perform(post("/institutions/{id}/stays/{stay}/transfer", home, stay).param("bedId", Long.toString(bed(home, 2)))
                        .param("date", TestDates.today().toString()).with(as("street")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.transfer.done"));
        long moved = jdbc.sql("SELECT s.id FROM stay s JOIN elder e ON e.id = s.elder_id WHERE e.resident_id = ? AND s.ended_on IS NULL")
                .param(elder).query(Long.class).single();
        mvc.perform(post("/institutions/{id}/stays/{stay}/discharge", home, moved).param("date", TestDates.today().toString())
                        .param("reason", "回家居住").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.discharge.done"));
        assertThat(jdbc.sql("SELECT count(*) FROM stay s JOIN elder e ON e.id = s.elder_id WHERE e.resident_id = ? AND s.ended_on IS NULL")
                .param(elder).query(Integer.class).single()).isZero();
        // the medical rule flags a home without any arrangement
        mvc.perform(get("/institutions/{id}", home).with(as("district")))
                .andExpect(content().string(containsString("id=\"medical-flag\"")));
        mvc.perform(get("/institutions").param("nonCompliant", "true").with(as("district")))
                .andExpect(content().string(containsString("蓝天民办养老院")));
    }

    @Test
    void anAdmissionTakesTheElderOffTheVisitRosterAtOnceAndADischargeBringsThemBack() throws Exception {
        long home = register("蓝天探访名单养老院", "PRIVATE", "NONE");
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "B").param("from", "1").param("to", "2")
                .with(as("district")).with(csrf()));
        // 81 and living alone: on the visit roster while at home (80+ living alone or empty-nest, not in an institution)
        String residentId = elder("NONE");
        long elderId = jdbc.sql("SELECT id FROM elder WHERE resident_id = ?").param(residentId).query(Long.class).single();
        events.publishEvent(new ElderUpdated(elderId));
        assertThat(openRosterRows(elderId)).as("rostered at home").isEqualTo(1);

        admit(home, residentId, bed(home, 0)).andExpect(status().is3xxRedirection());
        assertThat(openRosterRows(elderId)).as("admitted: off the roster with the admission, not the next night").isZero();
        assertThat(jdbc.sql("SELECT left_reason FROM visit_roster WHERE elder_id = ?").param(elderId)
                .query(String.class).single()).isEqualTo("NO_LONGER_QUALIFIES");

        long stay = jdbc.sql("SELECT id FROM stay WHERE elder_id = ? AND ended_on IS NULL").param(elderId)
                .query(Long.class).single();
        mvc.perform(post("/institutions/{id}/stays/{stay}/discharge", home, stay).param("date", TestDates.today().toString())
                        .param("reason", "回家居住").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "institution.discharge.done"));
        assertThat(openRosterRows(elderId)).as("home again: back on the roster").isEqualTo(1);
    }

    private int openRosterRows(long elderId) {
        return jdbc.sql("SELECT count(*) FROM visit_roster WHERE elder_id = ? AND left_on IS NULL").param(elderId)
                .query(Integer.class).single();
    }

    @Test
    void streetsSeeTheirOwnInstitutionsAndOnlyTheDistrictRegistersThem() throws Exception {
        long home = register("蓝天社区日间照料中心", "PUBLIC", "AGREEMENT");
        mvc.perform(get("/institutions/{id}", home).with(as("street"))).andExpect(status().isOk());
        mvc.perform(get("/institutions/{id}", home).with(as("xiangfu.institutions"))).andExpect(status().isNotFound());
        mvc.perform(post("/institutions/{id}/admissions", home).param("residentId", "x").param("bedId", "1")
                        .param("admittedOn", TestDates.today().toString()).param("payer", "SELF")
                        .with(as("xiangfu.institutions")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/institutions/new").with(as("street"))).andExpect(status().isForbidden());
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "X").param("from", "1").param("to", "2")
                .with(as("street")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/institutions").with(as("manager"))).andExpect(status().isOk());
        // the elder page's cards of other modules answer 404 for an elder of another street
        long elderId = jdbc.sql("SELECT id FROM elder WHERE resident_id = ?").param(elder("NONE")).query(Long.class).single();
        mvc.perform(get("/institutions/elders/{id}/stays", elderId).with(as("street"))).andExpect(status().isOk());
        mvc.perform(get("/institutions/elders/{id}/stays", elderId).with(as("xiangfu.institutions")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/elders/{id}/history", elderId).with(as("xiangfu.institutions")))
                .andExpect(status().isNotFound());
    }

    private long register(String name, String ownership, String medical) throws Exception {
        String location = mvc.perform(post("/institutions").with(as("district")).with(csrf())
                        .param("name", name).param("kind", "PRIVATE_HOME").param("ownership", ownership)
                        .param("communityCode", LANTIAN).param("status", "OPERATING").param("medicalArrangement", medical))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private org.springframework.test.web.servlet.ResultActions admit(long home, String residentId, long bed) throws Exception {
        return mvc.perform(post("/institutions/{id}/admissions", home).with(as("district")).with(csrf())
                .param("residentId", residentId).param("bedId", Long.toString(bed))
                .param("admittedOn", TestDates.today().minusDays(1).toString()).param("payer", "FAMILY"));
    }

    private long bed(long home, int index) {
        return jdbc.sql("SELECT id FROM bed WHERE institution_id = ? ORDER BY id OFFSET ? LIMIT 1")
                .params(home, index).query(Long.class).single();
    }

    /** An elder of 蓝天社区 with a resident ID of the test county. */
    private String elder(String economicStatus) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "11010519450101" + "%03d".formatted(n % 1000) + "X";
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1945-01-01', TRUE, ?, 'ALONE', ?, 'test', 'test')
                        """)
                .params(residentId, "院测" + n, LANTIAN, economicStatus).update();
        return residentId;
    }

}
