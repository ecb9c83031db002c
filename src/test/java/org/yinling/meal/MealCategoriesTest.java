package org.yinling.meal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.TestDates;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Meal categories as data (issue 21 §3): a district's ordered list from a date, the first matching category wins, a
 * meal keeps the category and price it was served under, and another district keeps the city's list. Each test makes
 * its own district (others add elders and communities to the demo district).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealCategoriesTest {

    private static final AtomicInteger DISTRICTS = new AtomicInteger(60);
    private static final AtomicInteger ELDERS = new AtomicInteger(300);
    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MealCounter counter;
    @Autowired
    MealPointStore points;
    @Autowired
    MealSettlements settlements;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    @Test
    void theFirstMatchingCategoryWinsAndAServedMealKeepsItsCategoryAndPrice() throws Exception {
        String district = district();
        String community = district.substring(0, 6) + "001001";
        LocalDate today = TestDates.today();
        long point = point(community);
        long poorAlone = elder(community, "MINIMUM_LIVING", "ALONE", today.minusYears(85));
        long oldWithFamily = elder(community, "NONE", "WITH_FAMILY", today.minusYears(85));
        long youngWithFamily = elder(community, "NONE", "WITH_FAMILY", today.minusYears(65));
        long poorWithFamily = elder(community, "EXTREME_POVERTY", "WITH_FAMILY", today.minusYears(70));

        // last month, under the city's list: the poor elder's meal is 特困、低保 at 8 yuan
        YearMonth lastMonth = TestDates.thisMonth().minusMonths(1);
        jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        VALUES (?, ?, ?, 'LUNCH', 'EAT_IN', %s, 'test')
                        """.formatted(MealPointTest.POVERTY))
                .params(poorAlone, point, lastMonth.atDay(3)).update();
        MealPoint mealPoint = points.find(point, RegionScope.everything()).orElseThrow();
        MealSettlements.Settlement before = settlements.compute(mealPoint, lastMonth);
        assertThat(before.perMeal()).isEqualByComparingTo("8");

        // the district's own list from today: solitary first, then 特困/低保, then 80+; no category for everyone else
        mvc.perform(list(district, today)
                        .param("categories[0].nameZh", "独居老人").param("categories[0].nameEn", "Living alone")
                        .param("categories[0].amount", "10")
                        .param("categories[0].criteria.connective", "AND")
                        .param("categories[0].criteria.groups[0].connective", "AND")
                        .param("categories[0].criteria.groups[0].criteria[0].attribute", "LIVING_ARRANGEMENT")
                        .param("categories[0].criteria.groups[0].criteria[0].operator", "EQ")
                        .param("categories[0].criteria.groups[0].criteria[0].choices", "LIVING_ARRANGEMENT:ALONE")
                        .param("categories[1].nameZh", "困难老人").param("categories[1].amount", "7.5")
                        .param("categories[1].criteria.connective", "AND")
                        .param("categories[1].criteria.groups[0].connective", "AND")
                        .param("categories[1].criteria.groups[0].criteria[0].attribute", "ECONOMIC_STATUS")
                        .param("categories[1].criteria.groups[0].criteria[0].operator", "IN")
                        .param("categories[1].criteria.groups[0].criteria[0].choices", "ECONOMIC_STATUS:EXTREME_POVERTY",
                                "ECONOMIC_STATUS:MINIMUM_LIVING")
                        .param("categories[2].nameZh", "高龄老人").param("categories[2].amount", "6")
                        .param("categories[2].criteria.connective", "AND")
                        .param("categories[2].criteria.groups[0].connective", "AND")
                        .param("categories[2].criteria.groups[0].criteria[0].attribute", "AGE")
                        .param("categories[2].criteria.groups[0].criteria[0].operator", "GE")
                        .param("categories[2].criteria.groups[0].criteria[0].value", "80"))
                .andExpect(status().is3xxRedirection());

        for (long elder : List.of(poorAlone, oldWithFamily, youngWithFamily, poorWithFamily)) {
            assertThat(counter.record(mealPoint, elder, MealKind.LUNCH, MealMode.EAT_IN, RegionScope.everything(), today,
                    "test")).isPresent();
        }
        assertThat(categoryOf(poorAlone, today)).isEqualTo("独居老人 10.00");        // solitary comes before 低保
        assertThat(categoryOf(poorWithFamily, today)).isEqualTo("困难老人 7.50");
        assertThat(categoryOf(oldWithFamily, today)).isEqualTo("高龄老人 6.00");
        assertThat(categoryOf(youngWithFamily, today)).isEqualTo("-");              // in no category: nothing per meal
        // the counter shows the category's name, in the user's language, never a code
        String clerk = "meal.categories." + community;
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, '类别测试员', ?, 'COMMUNITY_CLERK', ?)
                        """).params(clerk, passwordEncoder.encode("Secret123"), community).update();
        mvc.perform(get("/meal-points/{id}/meals", point).with(as(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("独居老人")))
                .andExpect(content().string(containsString("不在补贴类别内")));
        mvc.perform(get("/meal-points/{id}/meals", point).param("lang", "en").with(as(clerk)))
                .andExpect(content().string(containsString("Living alone")));

        // last month's meal keeps its category and price: the settlement is the same as before the new list
        assertThat(categoryOf(poorAlone, lastMonth.atDay(3))).isEqualTo("特困、低保老人 8.00");
        assertThat(settlements.compute(mealPoint, lastMonth).total()).isEqualByComparingTo(before.total());
        // today's meals priced by the categories they were served under: 10 + 7.5 + 6 + 0
        assertThat(points.settlement(point, TestDates.thisMonth().atDay(1)).stream()
                .map(MealPointStore.SettlementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("23.5");

        // another district keeps the city's three categories
        assertThat(jdbc.sql("""
                        SELECT string_agg(c.name_zh, ',' ORDER BY c.position) FROM meal_category c
                        JOIN (SELECT region_code, effective_from FROM meal_category
                              WHERE effective_from <= ? AND rate_region_rank(region_code, ?) IS NOT NULL
                              ORDER BY rate_region_rank(region_code, ?) DESC, effective_from DESC LIMIT 1) l
                          ON c.region_code IS NOT DISTINCT FROM l.region_code AND c.effective_from = l.effective_from
                        """).params(today, LANTIAN, LANTIAN).query(String.class).single())
                .isEqualTo("特困、低保老人,80 周岁以上,60–79 周岁");
        mvc.perform(get("/meal-points/categories").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("困难老人")))
                .andExpect(content().string(not(containsString("LIVING_ARRANGEMENT"))));
    }

    @Test
    void aListIsNeverForADayPastAndTheCityListIsTheAdministrators() throws Exception {
        String district = district();
        LocalDate today = TestDates.today();
        mvc.perform(list(district, today.minusDays(1)).param("categories[0].nameZh", "高龄")
                        .param("categories[0].amount", "5").param("categories[0].criteria.connective", "AND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("起始日期不能早于今天")))
                .andExpect(content().string(containsString("value=\"高龄\"")));
        mvc.perform(post("/meal-points/categories").with(as("district")).with(csrf()).param("regionCode", "")
                        .param("effectiveFrom", today.plusDays(1).toString())
                        .param("categories[0].nameZh", "高龄").param("categories[0].amount", "5")
                        .param("categories[0].criteria.connective", "AND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全市标准由系统管理员设置")));
        // a bad amount and a criterion without a value: the form again with both messages, nothing written
        mvc.perform(list(district, today.plusDays(1)).param("categories[0].nameZh", "高龄")
                        .param("categories[0].amount", "abc").param("categories[0].criteria.connective", "AND")
                        .param("categories[0].criteria.groups[0].connective", "AND")
                        .param("categories[0].criteria.groups[0].criteria[0].attribute", "AGE")
                        .param("categories[0].criteria.groups[0].criteria[0].operator", "GE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写 0 到 1000 之间的金额")));
        // an amount too large: the form again with its message; a crafted choice no page offers: a bad request
        mvc.perform(list(district, today.plusDays(1)).param("categories[0].nameZh", "高龄")
                        .param("categories[0].amount", "99999999999").param("categories[0].criteria.connective", "AND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写 0 到 1000 之间的金额")));
        mvc.perform(list(district, today.plusDays(1)).param("categories[0].nameZh", "高龄")
                        .param("categories[0].amount", "5").param("categories[0].criteria.connective", "XOR")
                        .param("categories[0].criteria.groups[0].criteria[0].attribute", "NO_SUCH_ATTRIBUTE"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM meal_category WHERE region_code = ?").param(district)
                .query(Integer.class).single()).isZero();
        mvc.perform(get("/meal-points/categories/new").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"group-c0-0\"")))
                .andExpect(content().string(containsString("/js/policy-editor-")));
    }

    @Test
    void aConfirmedSettlementKeepsItsTotalAfterARateChange() throws Exception {
        String district = district();
        String community = district.substring(0, 6) + "001001";
        long point = jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, licence_number, licence_expires,
                            created_by, updated_by)
                        VALUES ('费率测试食堂', 'CANTEEN', ?, TRUE, 'RATE-1', DATE '2099-12-31', 'test', 'test') RETURNING id
                        """).param(community).query(Long.class).single();
        long elder = elder(community, "MINIMUM_LIVING", "ALONE", TestDates.today().minusYears(70));
        YearMonth lastMonth = TestDates.thisMonth().minusMonths(1);
        jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        SELECT ?, ?, d, 'LUNCH', 'EAT_IN', %s, 'test'
                        FROM generate_series(CAST(? AS date), CAST(? AS date), INTERVAL '1 day') d
                        """.formatted(MealPointTest.POVERTY))
                .params(elder, point, lastMonth.atDay(1), lastMonth.atDay(3)).update();
        MealPoint mealPoint = points.find(point, RegionScope.everything()).orElseThrow();
        // before: 3 meals × (8 + 1 operating), confirmed
        assertThat(settlements.confirm(mealPoint, lastMonth, "test")).isTrue();
        assertThat(confirmedTotal(point)).isEqualByComparingTo("27");

        // the district changes the operating rate from next month and its categories from today
        mvc.perform(post("/meal-points/rates").with(as("admin")).with(csrf()).param("table", "MEAL")
                        .param("region", district).param("from", TestDates.thisMonth().plusMonths(1).toString())
                        .param("amount.OPERATING", "3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(list(district, TestDates.today()).param("categories[0].nameZh", "所有老人")
                        .param("categories[0].amount", "20").param("categories[0].criteria.connective", "AND"))
                .andExpect(status().is3xxRedirection());

        // after: the confirmed total, and the month computed again, are the same
        assertThat(confirmedTotal(point)).isEqualByComparingTo("27");
        assertThat(settlements.compute(mealPoint, lastMonth).total()).isEqualByComparingTo("27");
        // next month's meals are priced at the new operating rate
        assertThat(jdbc.sql("SELECT rate_on('MEAL', 'OPERATING', ?, ?)")
                .params(community, TestDates.thisMonth().plusMonths(1).atDay(1))
                .query(BigDecimal.class).single()).isEqualByComparingTo("3");
    }

    private BigDecimal confirmedTotal(long point) {
        return jdbc.sql("SELECT total FROM meal_settlement WHERE meal_point_id = ?").param(point)
                .query(BigDecimal.class).single();
    }

    private String categoryOf(long elder, LocalDate day) {
        return jdbc.sql("""
                        SELECT COALESCE(c.name_zh || ' ' || c.amount, '-') FROM meal m
                        LEFT JOIN meal_category c ON c.id = m.category_id WHERE m.elder_id = ? AND m.served_on = ?
                        """).params(elder, day).query(String.class).single();
    }

    private MockHttpServletRequestBuilder list(String district, LocalDate from) {
        return post("/meal-points/categories").with(as("admin")).with(csrf()).param("regionCode", district)
                .param("effectiveFrom", from.toString());
    }

    /** A district of its own with one street and one community. */
    private String district() throws Exception {
        String prefix = "3301" + DISTRICTS.incrementAndGet();
        region(prefix + "000000", null, "类别测试区" + prefix, false);
        region(prefix + "001000", prefix + "000000", "类别测试街道" + prefix, false);
        region(prefix + "001001", prefix + "001000", "类别测试社区" + prefix, true);
        return prefix + "000000";
    }

    /** A region made on the administrator's page, so that the cached region tree knows it at once. */
    private void region(String code, String parent, String name, boolean community) throws Exception {
        var request = post("/admin/regions").with(as("admin")).with(csrf()).param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (community) {
            request.param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1000");
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    private long point(String community) {
        return jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, created_by, updated_by)
                        VALUES ('类别测试食堂', 'CANTEEN', ?, TRUE, 'test', 'test') RETURNING id
                        """).param(community).query(Long.class).single();
    }

    private long elder(String community, String economicStatus, String living, LocalDate birth) {
        int n = ELDERS.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', ?, TRUE, ?, ?, ?, 'test', 'test') RETURNING id
                        """)
                .params("3301" + "%08d".formatted(n) + "%05d".formatted(n) + "X", "类别" + n, birth, community, living,
                        economicStatus)
                .query(Long.class).single();
    }
}
