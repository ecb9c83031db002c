package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yinling.TestDates;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.homecare.HomeCareFixtures.thisMonth;
import static org.yinling.system.TestUsers.as;

/**
 * Service budgets, plans, the month's generation, ad hoc orders and the events that end them (issue 18 items 3–5
 * and 11), on the embedded PostgreSQL with the app's own clock: each test works on elders of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServicePlanTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    OrderGeneration generation;
    @Autowired
    BudgetStore budgets;
    @Autowired
    HomeCareEvents events;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;

    HomeCareFixtures fixtures;
    long lantian;
    long xiangfu;
    long cleaning;   // 30 a visit
    long bath;       // 50 a visit
    long hourly;     // 40 an hour, 90 standard minutes: 60 a visit

    @BeforeEach
    void fixtures() {
        fixtures = new HomeCareFixtures(jdbc, json);
        lantian = fixtures.provider(HomeCareFixtures.LANTIAN_PROVIDER_CODE);
        xiangfu = fixtures.provider(HomeCareFixtures.XIANGFU_PROVIDER_CODE);
        cleaning = fixtures.item("VISIT", 60, "30");
        bath = fixtures.item("VISIT", 45, "50");
        hourly = fixtures.item("HOUR", 90, "40");
    }

    @Test
    void budgetsOpenForServiceBudgetEntitlementsOfLivingEldersOnlyWithTheirShare() {
        long policy = fixtures.serviceBudgetPolicy("0.50", false);
        long half = fixtures.elder("半额老人");
        fixtures.entitlement(half, policy, thisMonth(), "200");
        long dead = fixtures.elder("已故老人");
        fixtures.entitlement(dead, policy, thisMonth(), "200");
        jdbc.sql("UPDATE elder SET life_status = 'DECEASED', life_status_date = ? WHERE id = ?")
                .params(thisMonth().minusDays(3), dead).update();
        long stopped = fixtures.elder("停发老人");
        long entitlement = fixtures.entitlement(stopped, policy, thisMonth().minusMonths(3), "200");
        jdbc.sql("""
                UPDATE subsidy_entitlement SET status = 'STOPPED', end_month = ?, stopped_at = now(), stop_reason = 't'
                WHERE id = ?""").params(thisMonth().minusMonths(1), entitlement).update();
        long later = fixtures.elder("下月起老人");
        fixtures.entitlement(later, policy, thisMonth().plusMonths(1), "200");

        budgets.open(thisMonth(), "330105%");
        assertThat(budgets.open(thisMonth(), "330105%")).isZero();   // a second opening opens nothing

        ServiceBudget budget = budgets.of(half, thisMonth()).orElseThrow();
        assertThat(budget.total()).isEqualByComparingTo("200");
        assertThat(budget.governmentShare()).isEqualByComparingTo("0.50");
        assertThat(budget.elderShare(new BigDecimal("30"))).isEqualByComparingTo("15");
        assertThat(budgets.of(dead, thisMonth())).isEmpty();
        assertThat(budgets.of(stopped, thisMonth())).isEmpty();
        assertThat(budgets.of(later, thisMonth())).isEmpty();
    }

    @Test
    void theUnusedBudgetIsCarriedOverOnlyWhenThePolicyAllowsIt() {
        long carrying = fixtures.elder("结转老人");
        fixtures.entitlement(carrying, fixtures.serviceBudgetPolicy("1.00", true), thisMonth().minusMonths(1), "160");
        long lapsing = fixtures.elderWithBudget("不结转老人");
        LocalDate last = thisMonth().minusMonths(1);
        budgets.open(last, "330105%");
        fixtures.plan(carrying, lantian, cleaning, 4);   // from this month: last month had no orders
        jdbc.sql("""
                INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, scheduled_at, state,
                    unit_price, quantity, amount, government_share, ad_hoc, created_by)
                SELECT e, '330105001001', ?, ?, ?, ?::date + TIME '10:00', 'DISPATCHED', 100, 1, 100, 1.00, TRUE, 'test'
                FROM unnest(ARRAY[?, ?]) e""").params(last, cleaning, lantian, last.plusDays(3), carrying, lapsing)
                .update();

        budgets.open(thisMonth(), "330105%");

        assertThat(budgets.of(carrying, thisMonth()).orElseThrow().carriedOver()).isEqualByComparingTo("60");
        assertThat(budgets.of(carrying, thisMonth()).orElseThrow().total()).isEqualByComparingTo("220");
        assertThat(budgets.of(lapsing, thisMonth()).orElseThrow().carriedOver()).isEqualByComparingTo("0");
    }

    @Test
    void aPlanWithinTheBudgetIsSavedAndTheMonthsGenerationCreatesItsOrdersOnce() throws Exception {
        long elder = fixtures.elderWithBudget("计划老人");
        budgets.open(thisMonth(), "330105%");
        mvc.perform(plan(elder, lantian).param("items[0].itemId", String.valueOf(cleaning))
                        .param("items[0].timesPerMonth", "3").param("items[0].preferredTime", "08:30")
                        .param("items[1].itemId", String.valueOf(hourly)).param("items[1].timesPerMonth", "1")
                        .param("items[1].preferredTime", "15:00"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/home-care/elders/" + elder + "/plan"));
        long planId = jdbc.sql("SELECT id FROM home_care_plan WHERE elder_id = ?").param(elder).query(Long.class).single();
        assertThat(jdbc.sql("SELECT valid_from FROM home_care_plan WHERE id = ?").param(planId)
                .query(LocalDate.class).single()).isEqualTo(thisMonth());

        // the page shows the plan's value (3 × 30 + 1 × 1.5 h × 40 = 150), the budget and what is left
        mvc.perform(get("/home-care/elders/" + elder + "/plan").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("150.00")))
                .andExpect(content().string(containsString("160.00")));
        mvc.perform(get("/home-care/plans/" + planId).with(as("manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("蓝天居家养老服务中心")));
        mvc.perform(get("/home-care/plans").with(as("street")).param("q", "计划老人"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("计划老人")))
                .andExpect(content().string(containsString("150.00")));

        // the confirmation says how many orders the run creates, then the run creates them
        mvc.perform(get("/home-care/generation").with(as("district")).param("month", TestDates.thisMonth().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("确认生成")));
        mvc.perform(post("/home-care/generation").with(as("district")).with(csrf())
                        .param("month", TestDates.thisMonth().toString()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/home-care/plans"));
        assertThat(fixtures.orders(elder, "DISPATCHED")).isEqualTo(4);
        List<Map<String, Object>> orders = jdbc.sql("""
                        SELECT plan_sequence, to_char(scheduled_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS at,
                               extract(day FROM scheduled_at AT TIME ZONE 'Asia/Shanghai') AS day, amount, quantity,
                               budget_id IS NOT NULL AS budgeted, provider_id, government_share
                        FROM home_care_order WHERE elder_id = ? AND item_id = ? ORDER BY plan_sequence
                        """).params(elder, cleaning).query().listOfRows();
        assertThat(orders).extracting(row -> row.get("at")).containsOnly("08:30");
        assertThat(orders).extracting(row -> ((Number) row.get("day")).intValue()).doesNotHaveDuplicates();
        assertThat(orders).extracting(row -> row.get("budgeted")).containsOnly(true);
        assertThat(orders).extracting(row -> row.get("provider_id")).containsOnly(lantian);
        assertThat(((Number) orders.get(0).get("day")).intValue()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM home_care_order WHERE elder_id = ? AND item_id = ?")
                .params(elder, hourly).query(BigDecimal.class).single()).isEqualByComparingTo("60");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order_event ev JOIN home_care_order o ON o.id = ev.order_id
                        WHERE o.elder_id = ? AND ev.event = 'CREATED' AND ev.to_state = 'DISPATCHED'
                          AND ev.provider_id = o.provider_id""").param(elder).query(Integer.class).single())
                .as("one event per order: created, dispatched to the plan's provider").isEqualTo(4);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order_event ev JOIN home_care_order o ON o.id = ev.order_id
                        WHERE o.elder_id = ?""").param(elder).query(Integer.class).single()).isEqualTo(4);
        long first = jdbc.sql("SELECT min(id) FROM home_care_order WHERE elder_id = ?").param(elder)
                .query(Long.class).single();
        mvc.perform(get("/home-care/orders/" + first).with(as("district")))
                .andExpect(content().string(containsString("创建工单")))
                .andExpect(content().string(containsString(" · 已派单")));

        // a second run creates nothing
        assertThat(generation.runMonth(thisMonth()).orders().created()).isZero();
        assertThat(fixtures.orders(elder)).isEqualTo(4);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_ORDERS_GENERATED'
                          AND details ->> 'month' = ?""").param(thisMonth().toString()).query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);

        // a change after this month's orders applies from next month; the old plan ends with this month
        mvc.perform(plan(elder, lantian).param("items[0].itemId", String.valueOf(bath))
                        .param("items[0].timesPerMonth", "2"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT valid_to FROM home_care_plan WHERE id = ?").param(planId).query(LocalDate.class)
                .single()).isEqualTo(thisMonth());
        assertThat(jdbc.sql("SELECT valid_from FROM home_care_plan WHERE elder_id = ? AND id <> ?").params(elder, planId)
                .query(LocalDate.class).single()).isEqualTo(thisMonth().plusMonths(1));
    }

    @Test
    void aPlanBeyondTheBudgetIsRefusedShowingUsedAndLeft() throws Exception {
        long elder = fixtures.elderWithBudget("超额老人");
        budgets.open(thisMonth(), "330105%");
        mvc.perform(plan(elder, lantian).param("items[0].itemId", String.valueOf(bath))
                        .param("items[0].timesPerMonth", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "计划每月金额 200.00 元超过服务额度 160.00 元（本月已用 0.00 元，剩余 160.00 元）")));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_plan WHERE elder_id = ?").param(elder)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPlanWithAProviderNotServingTheCommunityOrWithAnExpiredContractIsRefused() throws Exception {
        long elder = fixtures.elderWithBudget("组织老人");
        budgets.open(thisMonth(), "330105%");
        mvc.perform(plan(elder, xiangfu).param("items[0].itemId", String.valueOf(cleaning))
                        .param("items[0].timesPerMonth", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该服务组织不为老人所在社区提供服务")));
        long expired = fixtures.ownProvider(TestDates.today().minusDays(1));
        mvc.perform(plan(elder, expired).param("items[0].itemId", String.valueOf(cleaning))
                        .param("items[0].timesPerMonth", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该服务组织的合同不在有效期内")));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_plan WHERE elder_id = ?").param(elder)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void visitsBeyondTheBudgetAreNotGeneratedAndCounted() {
        long elder = fixtures.elderWithBudget("超额生成老人");
        budgets.open(thisMonth(), "330105%");
        fixtures.plan(elder, lantian, bath, 5);   // 5 × 50 = 250 > 160: written past the page's check

        OrderGeneration.Result result = generation.runMonth(thisMonth());

        assertThat(fixtures.orders(elder)).isEqualTo(3);
        assertThat(result.orders().skipped()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT sum(amount) FROM home_care_order WHERE elder_id = ?").param(elder)
                .query(BigDecimal.class).single()).isEqualByComparingTo("150");
    }

    @Test
    void anAdHocOrderIsRefusedBeyondWhatIsLeftOrWithAProviderNotServingAndOtherwiseAwaitsDispatch() throws Exception {
        long elder = fixtures.elderWithBudget("助急老人");
        budgets.open(thisMonth(), "330105%");
        fixtures.plan(elder, lantian, cleaning, 4);
        generation.runMonth(thisMonth());   // 4 × 30 = 120 used, 40 left
        String day = TestDates.today().toString();

        mvc.perform(adHoc(elder, bath, day))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本单 50.00 元超过剩余额度：额度 160.00 元，已用 120.00 元，剩余 40.00 元")));
        mvc.perform(adHoc(elder, cleaning, day).param("providerId", String.valueOf(xiangfu)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该服务组织不为老人所在社区提供服务")));
        long expired = fixtures.ownProvider(TestDates.today().minusDays(1));
        mvc.perform(adHoc(elder, cleaning, day).param("providerId", String.valueOf(expired)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该服务组织的合同不在有效期内")));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_order WHERE elder_id = ? AND ad_hoc").param(elder)
                .query(Integer.class).single()).isZero();

        mvc.perform(adHoc(elder, cleaning, day).param("notes", "摔倒后助急"))
                .andExpect(status().isFound());
        Map<String, Object> order = jdbc.sql("""
                        SELECT state, provider_id, amount, service_notes FROM home_care_order WHERE elder_id = ? AND ad_hoc
                        """).param(elder).query().singleRow();
        assertThat(order.get("state")).isEqualTo("PENDING_DISPATCH");
        assertThat(order.get("provider_id")).isNull();
        assertThat((BigDecimal) order.get("amount")).isEqualByComparingTo("30");
        assertThat(budgets.of(elder, thisMonth()).orElseThrow().left()).isEqualByComparingTo("10");
        mvc.perform(get("/home-care/elders/" + elder + "/plan").with(as("community")))
                .andExpect(content().string(containsString("待派单")))
                .andExpect(content().string(containsString("10.00")));
    }

    @Test
    void aDeathCancelsTheOpenOrdersAndEndsTheBudgetAndPlan() throws Exception {
        long elder = fixtures.elderWithBudget("去世老人");
        budgets.open(thisMonth(), "330105%");
        long planId = fixtures.plan(elder, lantian, cleaning, 4);
        generation.runMonth(thisMonth());
        jdbc.sql("""
                UPDATE home_care_order SET state = 'ACCEPTED', worker_id = (SELECT id FROM app_user WHERE username = 'worker')
                WHERE id = (SELECT min(id) FROM home_care_order WHERE elder_id = ?)""").param(elder).update();
        LocalDate today = TestDates.today();

        transactions.executeWithoutResult(tx -> publisher.publishEvent(new ElderDeceased(elder, today)));

        assertThat(fixtures.orders(elder, "CANCELLED")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT DISTINCT close_reason FROM home_care_order WHERE elder_id = ?").param(elder)
                .query(String.class).list()).containsExactly(HomeCareEvents.DECEASED);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order_event ev JOIN home_care_order o ON o.id = ev.order_id
                        WHERE o.elder_id = ? AND ev.event = 'CANCELLED' AND ev.reason = ?""")
                .params(elder, HomeCareEvents.DECEASED).query(Integer.class).single()).isEqualTo(4);
        // the order page gives the reason in words, never its code
        long cancelled = jdbc.sql("SELECT min(id) FROM home_care_order WHERE elder_id = ?").param(elder)
                .query(Long.class).single();
        String page = mvc.perform(get("/home-care/orders/{id}", cancelled).with(as("district")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("老人去世").doesNotContain(HomeCareEvents.DECEASED);
        assertThat(budgets.of(elder, thisMonth()).orElseThrow().endedOn()).isEqualTo(today);
        assertThat(jdbc.sql("SELECT valid_to FROM home_care_plan WHERE id = ?").param(planId).query(LocalDate.class)
                .single()).isEqualTo(thisMonth());
        // next month nothing opens for the elder, and no order is generated
        jdbc.sql("UPDATE elder SET life_status = 'DECEASED', life_status_date = ? WHERE id = ?").params(today, elder)
                .update();
        generation.runMonth(thisMonth().plusMonths(1));
        assertThat(budgets.of(elder, thisMonth().plusMonths(1))).isEmpty();
        assertThat(fixtures.orders(elder)).isEqualTo(4);
    }

    @Test
    void aMoveOutCancelsTheOpenOrdersButNotTheServedOnes() {
        long elder = fixtures.elderWithBudget("迁出老人");
        budgets.open(thisMonth(), "330105%");
        fixtures.plan(elder, lantian, cleaning, 2);
        generation.runMonth(thisMonth());
        long served = jdbc.sql("SELECT min(id) FROM home_care_order WHERE elder_id = ?").param(elder)
                .query(Long.class).single();
        jdbc.sql("""
                UPDATE home_care_order SET state = 'CANCELLED', close_reason = 'test' WHERE id = ?""").param(served)
                .update();

        transactions.executeWithoutResult(tx -> publisher.publishEvent(new ElderMovedOut(elder, TestDates.today())));

        assertThat(jdbc.sql("SELECT close_reason FROM home_care_order WHERE elder_id = ? ORDER BY id").param(elder)
                .query(String.class).list()).containsExactly("test", HomeCareEvents.MOVED_OUT);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_ELDER_LEFT' AND entity_id = ?")
                .param(String.valueOf(elder)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOpenOrdersOfAProviderWhoseContractEndedGoBackToDispatch() {
        long elder = fixtures.elderWithBudget("合同老人");
        budgets.open(thisMonth(), "330105%");
        long provider = fixtures.ownProvider(TestDates.today().plusYears(1));
        fixtures.plan(elder, provider, cleaning, 4);
        generation.runMonth(thisMonth());
        // the last visit is in the last week of the month, after today unless today is that day
        jdbc.sql("UPDATE home_care_order SET scheduled_at = now() + INTERVAL '2 days' WHERE elder_id = ? AND plan_sequence = 4")
                .param(elder).update();
        jdbc.sql("""
                UPDATE home_care_order SET state = 'ACCEPTED', worker_id = (SELECT id FROM app_user WHERE username = 'worker')
                WHERE elder_id = ? AND plan_sequence = 4""").param(elder).update();
        jdbc.sql("UPDATE home_care_provider SET contract_to = ? WHERE id = ?")
                .params(TestDates.today().minusDays(1), provider).update();

        assertThat(events.returnExpiredContracts()).isGreaterThanOrEqualTo(1);

        Map<String, Object> returned = jdbc.sql("""
                        SELECT state, provider_id, worker_id FROM home_care_order WHERE elder_id = ? AND plan_sequence = 4
                        """).param(elder).query().singleRow();
        assertThat(returned.get("state")).isEqualTo("PENDING_DISPATCH");
        assertThat(returned.get("provider_id")).isNull();
        assertThat(returned.get("worker_id")).isNull();
        assertThat(jdbc.sql("""
                        SELECT ev.reason FROM home_care_order_event ev JOIN home_care_order o ON o.id = ev.order_id
                        WHERE o.elder_id = ? AND ev.event = 'RETURNED'""").param(elder).query(String.class).list())
                .contains(HomeCareEvents.CONTRACT_ENDED);
        assertThat(events.returnExpiredContracts()).isZero();   // nothing left to return
    }

    @Test
    void providersAndCareWorkersDoNotSeePlans() throws Exception {
        long elder = fixtures.elderWithBudget("范围老人");
        mvc.perform(get("/home-care/plans").with(as("provider"))).andExpect(status().isForbidden());
        mvc.perform(get("/home-care/elders/" + elder + "/plan").with(as("provider"))).andExpect(status().isForbidden());
        mvc.perform(post("/home-care/generation").with(as("community")).with(csrf())
                .param("month", TestDates.thisMonth().toString())).andExpect(status().isForbidden());
        mvc.perform(get("/home-care/plans").with(as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"generation\""))));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder plan(long elder, long provider) {
        return post("/home-care/elders/" + elder + "/plan").with(as("community")).with(csrf())
                .param("providerId", String.valueOf(provider));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder adHoc(long elder, long item,
                                                                                           String day) {
        return post("/home-care/elders/" + elder + "/orders").with(as("community")).with(csrf())
                .param("itemId", String.valueOf(item)).param("day", day).param("time", "10:00");
    }
}
