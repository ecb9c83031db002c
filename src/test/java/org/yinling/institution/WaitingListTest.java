package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The public waiting list: its order and ties, admission from it, the printable public list; and caregivers. */
@SpringBootTest
@AutoConfigureMockMvc
class WaitingListTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(800);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingListStore list;

    @Test
    void extremePovertyFirstThenGovernmentSupportedThenDisabledThenByDate() throws Exception {
        // the default priority order (issue 21 §6; WaitingPriorityTest covers every rule and a district's reorder):
        // 特困, 低保/低保边缘, 失能 (level 3–4), 高龄 (80+: every elder here is born in 1940), then the application date
        long home = publicHome("轮候测试福利院");
        long other = wait(home, elder("赵一", "NONE", 4), "2026-01-01");
        long early = wait(home, elder("钱二", "MINIMUM_LIVING", 1), "2026-01-02");
        long severe = wait(home, elder("孙三", "MARGINAL", 3), "2026-03-01");
        long poorLate = wait(home, elder("李四", "EXTREME_POVERTY", null), "2026-05-01");
        long tieA = wait(home, elder("周五", "NONE", 2), "2026-02-01");
        long tieB = wait(home, elder("吴六", "NONE", 2), "2026-02-01");

        assertThat(list.waiting(home, RegionScope.everything()).stream().map(WaitingEntry::id).toList())
                .containsExactly(poorLate, early, severe, other, tieA, tieB);
        // an assessment that makes an elder 失能 moves them at once: 周五 (level 2 → 3) joins 赵一 by date
        jdbc.sql("UPDATE elder SET capability_level = 3 WHERE id = (SELECT elder_id FROM waiting_application WHERE id = ?)")
                .param(tieA).update();
        assertThat(list.waiting(home, RegionScope.everything()).stream().map(WaitingEntry::id).toList())
                .containsExactly(poorLate, early, severe, other, tieA, tieB);
        jdbc.sql("UPDATE elder SET capability_level = 3, birth_date = DATE '1960-02-02' WHERE id = "
                        + "(SELECT elder_id FROM waiting_application WHERE id = ?)")
                .param(tieB).update();
        jdbc.sql("UPDATE elder SET birth_date = DATE '1960-02-02' WHERE id = "
                        + "(SELECT elder_id FROM waiting_application WHERE id = ?)")
                .param(tieA).update();
        jdbc.sql("UPDATE elder SET capability_level = 2 WHERE id = (SELECT elder_id FROM waiting_application WHERE id = ?)")
                .param(tieA).update();
        // 吴六 is 失能 (level 3) and no longer 80: ahead of 周五, who is neither
        assertThat(list.waiting(home, RegionScope.everything()).stream().map(WaitingEntry::id).toList())
                .containsExactly(poorLate, early, severe, other, tieB, tieA);
    }

    @Test
    void admittingAnyoneButTheFirstNeedsARecordedReason() throws Exception {
        long home = publicHome("轮候入住测试福利院");
        jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, '1', '1'), (?, '1', '2')").params(home, home).update();
        long first = wait(home, elder("郑七", "EXTREME_POVERTY", 2), "2026-01-01");
        long second = wait(home, elder("王八", "NONE", 1), "2026-01-02");
        long bed = jdbc.sql("SELECT min(id) FROM bed WHERE institution_id = ?").param(home).query(Long.class).single();

        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, second).param("bedId", Long.toString(bed))
                        .with(as("district")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"waiting-problems\"")));
        assertThat(list.waiting(home, RegionScope.everything())).hasSize(2);

        mvc.perform(post("/waiting-list/{i}/{e}/admit", home, second).param("bedId", Long.toString(bed))
                        .param("skipReason", "第一位老人住院，暂不能入住").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.admitted"));
        assertThat(list.waiting(home, RegionScope.everything()).stream().map(WaitingEntry::id).toList()).containsExactly(first);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WAITING_SKIPPED' AND entity_id = ?")
                .param(Long.toString(second)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT skip_reason FROM waiting_application WHERE id = ?").param(second)
                .query(String.class).single()).isEqualTo("第一位老人住院，暂不能入住");
    }

    @Test
    void thePublicListHidesNamesAndIds() throws Exception {
        long home = publicHome("公示测试福利院");
        wait(home, elder("欧阳小明", "NONE", 1), "2026-01-01");
        mvc.perform(get("/waiting-list/{i}/public", home).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("欧**明")))
                .andExpect(content().string(not(containsString("欧阳小明"))))
                .andExpect(content().string(containsString("110105********")));
        mvc.perform(post("/waiting-list/{i}", home).param("residentId", "x").with(as("community")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCertifiedShareCountsValidCertificatesOfActiveCaregivers() throws Exception {
        long home = publicHome("护理员测试养老院");
        for (String[] c : List.of(new String[] {"甲", "养老护理员", "A1", "2030-01-01"},
                new String[] {"乙", "养老护理员", "A2", "2020-01-01"}, new String[] {"丙", "", "", ""})) {
            mvc.perform(post("/caregivers").with(as("district")).with(csrf()).param("institutionId", Long.toString(home))
                            .param("name", c[0]).param("certificateType", c[1]).param("certificateNumber", c[2])
                            .param("certificateExpires", c[3]))
                    .andExpect(status().is3xxRedirection());
        }
        // one valid of three: 33 %
        mvc.perform(get("/caregivers").param("institution", Long.toString(home)).with(as("district")))
                .andExpect(content().string(containsString("33%")));
        mvc.perform(post("/caregivers").with(as("district")).with(csrf()).param("institutionId", Long.toString(home))
                        .param("name", "丁").param("certificateType", "养老护理员"))
                .andExpect(status().isOk());
    }

    private long publicHome(String name) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES (?, 'PUBLIC_HOME', 'PUBLIC', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """)
                .params(name, LANTIAN).query(Long.class).single();
    }

    private String elder(String name, String economicStatus, Integer capabilityLevel) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "11010519400202" + "%03d".formatted(n % 1000) + "X";
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, capability_level, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-02-02', TRUE, ?, 'ALONE', ?, ?, 'test', 'test')
                        """)
                .params(residentId, name, LANTIAN, economicStatus, capabilityLevel).update();
        return residentId;
    }

    private long wait(long home, String residentId, String appliedOn) throws Exception {
        mvc.perform(post("/waiting-list/{i}", home).param("residentId", residentId).param("appliedOn", appliedOn)
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "waiting.registered"));
        return jdbc.sql("SELECT w.id FROM waiting_application w JOIN elder e ON e.id = w.elder_id WHERE e.resident_id = ?")
                .param(residentId).query(Long.class).single();
    }

}
