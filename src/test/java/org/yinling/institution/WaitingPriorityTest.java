package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The waiting list's priority as ordered rules (issue 21 §6), on a district of its own (so that its orders touch no
 * other test): a known set of entries follows the default order 特困 → 低保/低保边缘 → 失能 → 高龄 → 计生特殊 → 优抚 →
 * application date, and the district's new order changes it, from the day it sets.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WaitingPriorityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingListStore list;
    @Autowired
    WaitingPriorityStore priorities;

    String district;
    String community;
    String staff;
    long home;

    @BeforeEach
    void ownDistrict() throws Exception {
        String county = "9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        district = county + "000000";
        String street = county + "001000";
        community = county + "001001";
        // through the region page, so that the application's region tree knows them at once
        region(district, null, "轮候测试区" + county, null);
        region(street, district, "轮候街道", null);
        region(community, street, "轮候社区", "MAIN_URBAN");
        staff = "wp" + county;
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, 'x', 'DISTRICT_STAFF', ?) ON CONFLICT DO NOTHING
                        """)
                .params(staff, staff, district).update();
        home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by,
                            updated_by)
                        VALUES ('优先顺序测试福利院', 'PUBLIC_HOME', 'PUBLIC', ?, 'AGREEMENT', 'test', 'test') RETURNING id
                        """)
                .param(community).query(Long.class).single();
    }

    private void region(String code, String parent, String name, String urbanRuralClass) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            return;
        }
        MockHttpServletRequestBuilder request = post("/admin/regions").with(as("admin")).with(csrf())
                .param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (urbanRuralClass != null) {
            request.param("urbanRuralClass", urbanRuralClass).param("registeredPopulation", "100");
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    private long entry(String name, String economicStatus, Integer level, int age, boolean lostOnlyChild,
                       boolean specialCare, String appliedOn) {
        LocalDate birth = TestDates.today().minusYears(age).minusDays(40);
        String body = "110105" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
        long elder = jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, capability_level, lost_only_child,
                            special_care_recipient, created_by, updated_by)
                        VALUES (?, ?, 'MALE', ?, TRUE, ?, 'ALONE', ?, ?, ?, ?, 'test', 'test') RETURNING id
                        """)
                .params(body + ResidentId.checkCharacter(body), name, birth, community, economicStatus, level,
                        lostOnlyChild, specialCare)
                .query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        VALUES (?, ?, ?, 'test') RETURNING id
                        """)
                .params(elder, home, LocalDate.parse(appliedOn)).query(Long.class).single();
    }

    private List<Long> order() {
        return list.waiting(home, RegionScope.everything()).stream().map(WaitingEntry::id).toList();
    }

    private MockHttpServletRequestBuilder reorder(String from, String... rulesAndRanks) {
        MockHttpServletRequestBuilder request = post("/waiting-list/priority").with(as(staff)).with(csrf())
                .param("region", district).param("effectiveFrom", from);
        for (int i = 0; i < rulesAndRanks.length; i += 2) {
            request.param("rule", rulesAndRanks[i]).param("rank", rulesAndRanks[i + 1]);
        }
        return request;
    }

    @Test
    void theListFollowsTheRulesInOrderAndTheDistrictsReorderChangesIt() throws Exception {
        long other = entry("甲其他", "NONE", 1, 70, false, false, "2026-01-01");
        long specialCare = entry("乙优抚", "NONE", 1, 70, false, true, "2026-01-02");
        long familyPlanning = entry("丙失独", "NONE", null, 70, true, false, "2026-01-03");
        long oldAge = entry("丁高龄", "NONE", 1, 85, false, false, "2026-01-04");
        long disabled = entry("戊失能", "NONE", 4, 70, false, false, "2026-01-05");
        long marginal = entry("己边缘", "MARGINAL", 0, 70, false, false, "2026-01-06");
        long extreme = entry("庚特困", "EXTREME_POVERTY", null, 65, false, false, "2026-01-07");
        // 低保, 85 and level 4 at once: placed by the first rule it matches, and earlier than 己边缘
        long several = entry("辛多项", "MINIMUM_LIVING", 4, 85, false, false, "2025-12-01");

        assertThat(order()).containsExactly(extreme, several, marginal, disabled, oldAge, familyPlanning, specialCare,
                other);
        assertThat(list.waiting(home, RegionScope.everything()).get(1).category())
                .isEqualTo(WaitingCategory.GOVERNMENT_SUPPORTED);

        // the page shows the default order, in words
        mvc.perform(get("/waiting-list/priority").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("默认顺序")))
                .andExpect(content().string(containsString("id=\"priority-form\"")));

        // a new order from tomorrow: today's list stays as it was
        LocalDate tomorrow = TestDates.today().plusDays(1);
        mvc.perform(reorder(tomorrow.toString(), "EXTREME_POVERTY", "3", "GOVERNMENT_SUPPORTED", "4", "DISABLED", "5",
                        "OLD_AGE", "2", "FAMILY_PLANNING", "6", "SPECIAL_CARE", "1"))
                .andExpect(flash().attribute("flashSuccess", "waiting.priority.saved"));
        assertThat(order()).containsExactly(extreme, several, marginal, disabled, oldAge, familyPlanning, specialCare,
                other);
        assertThat(priorities.inForce(district, tomorrow).rules()).containsExactly(WaitingCategory.SPECIAL_CARE,
                WaitingCategory.OLD_AGE, WaitingCategory.EXTREME_POVERTY, WaitingCategory.GOVERNMENT_SUPPORTED,
                WaitingCategory.DISABLED, WaitingCategory.FAMILY_PLANNING);

        // the same order from today: the list follows it at once
        mvc.perform(reorder(TestDates.today().toString(), "EXTREME_POVERTY", "3", "GOVERNMENT_SUPPORTED", "4",
                        "DISABLED", "5", "OLD_AGE", "2", "FAMILY_PLANNING", "6", "SPECIAL_CARE", "1"))
                .andExpect(flash().attribute("flashSuccess", "waiting.priority.saved"));
        assertThat(order()).containsExactly(specialCare, several, oldAge, extreme, marginal, disabled, familyPlanning,
                other);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WAITING_PRIORITY_SET' AND details->>'region' = ?")
                .param(district).query(Long.class).single()).isEqualTo(2);

        // the public list says the order in force; the page lists the orders over time
        mvc.perform(get("/waiting-list/{i}/public", home).with(as(staff)))
                .andExpect(content().string(containsString("依次为</span> <span><span>优抚对象</span>")));
        mvc.perform(get("/waiting-list/priority").param("lang", "en").with(as(staff)))
                .andExpect(content().string(containsString("This district&#39;s order since")))
                .andExpect(content().string(containsString(tomorrow.toString())));
        // the demo district's list is not touched by this district's order
        assertThat(priorities.inForce("330105000000", TestDates.today()).rules()).isNotEqualTo(
                priorities.inForce(district, TestDates.today()).rules());
    }

    @Test
    void aBadOrderIsRefusedWithAMessageAndNothingChanges() throws Exception {
        // a place twice
        mvc.perform(reorder(TestDates.today().toString(), "EXTREME_POVERTY", "1", "GOVERNMENT_SUPPORTED", "1",
                        "DISABLED", "3", "OLD_AGE", "4", "FAMILY_PLANNING", "5", "SPECIAL_CARE", "6"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请给每条规则填写 1 到 6 之间的序号，且序号互不相同。")));
        // a day in the past, and no date at all
        mvc.perform(reorder(TestDates.today().minusDays(1).toString(), "EXTREME_POVERTY", "2", "GOVERNMENT_SUPPORTED",
                        "1", "DISABLED", "3", "OLD_AGE", "4", "FAMILY_PLANNING", "5", "SPECIAL_CARE", "6"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("生效日期不能早于今天")));
        mvc.perform(reorder("2026-13-45", "EXTREME_POVERTY", "x", "<b>", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写有效的生效日期")));
        assertThat(jdbc.sql("SELECT count(*) FROM waiting_priority_rule WHERE region_code = ?").param(district)
                .query(Long.class).single()).isZero();
        // another district's staff, a street reviewer: refused
        mvc.perform(post("/waiting-list/priority").with(as("district")).with(csrf()).param("region", district)
                        .param("effectiveFrom", TestDates.today().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只能调整本区（县）的轮候优先顺序。")));
        mvc.perform(post("/waiting-list/priority").with(as("street")).with(csrf()).param("region", district)
                        .param("effectiveFrom", TestDates.today().toString()))
                .andExpect(status().isForbidden());
        // readers see the order but no form
        mvc.perform(get("/waiting-list/priority").with(as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"priority-in-force\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"priority-form\""))));
    }
}
