package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service-budget policies, entitlements, elders, items with district prices and providers written straight into the
 * tables for the home-care tests. Elders get resident IDs of the test county 110105, which the demo never uses.
 */
class HomeCareFixtures {

    static final String DISTRICT = "330105000000";
    static final String LANTIAN = "330105001001";
    static final String LANTIAN_PROVIDER_CODE = "52330105MJ1234567X";
    static final String XIANGFU_PROVIDER_CODE = "52330105MJ7654321T";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HomeCareFixtures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static LocalDate thisMonth() {
        return TestDates.today().withDayOfMonth(1);
    }

    String unique(String prefix) {
        return (prefix + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000L, 36)).toUpperCase();
    }

    /** A published service-budget policy of the district (fixed amount in the rule; entitlements carry theirs). */
    long serviceBudgetPolicy(String share, boolean carryOver) {
        String code = unique("HCB");
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, published_at, published_by, created_by, updated_by,
                            delivery, government_share, budget_carry_over)
                        VALUES (?, 1, ?, 'HOME_CARE_SERVICE', ?, DATE '2020-01-01', 'MONTHLY', 0,
                            CAST(? AS jsonb),
                            'PUBLISHED', now(), 'test', 'test', 'test', 'SERVICE_BUDGET', ?, ?) RETURNING id
                        """)
                .params(code, "测试服务额度" + code, DISTRICT, json.writeValueAsString(PolicyRule.fixed(Eligibility.allOf(
                        CriterionGroup.all(Criterion.of(Attribute.AGE, Operator.GE, "65"))), new BigDecimal("160"))),
                        new BigDecimal(share), carryOver)
                .query(Long.class).single();
    }

    long elder(String name) {
        while (true) {
            int n = SEQUENCE.incrementAndGet();
            String body = "110105" + "1950" + "%02d%02d".formatted(1 + n % 12, 1 + n % 28) + "%03d".formatted(n % 1000);
            String residentId = body + ResidentId.checkCharacter(body);
            var id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(residentId, name, LocalDate.of(1950, 1 + n % 12, 1 + n % 28), LANTIAN)
                    .query(Long.class).list();
            if (!id.isEmpty()) {
                return id.get(0);
            }
        }
    }

    /** An approved application and its active monthly entitlement from {@code startMonth}. */
    long entitlement(long elderId, long policyId, LocalDate startMonth, String amount) {
        String code = jdbc.sql("SELECT code FROM subsidy_policy WHERE id = ?").param(policyId).query(String.class).single();
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, ?, ?, ?, now(), 'test', 'test') RETURNING id
                        """)
                .params(elderId, policyId, code, LANTIAN, new BigDecimal(amount), startMonth.minusMonths(1),
                        startMonth.minusDays(1))
                .query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, ?, 'MONTHLY', ?, 'ACTIVE', 'test')
                        RETURNING id
                        """)
                .params(elderId, policyId, code, application, LANTIAN, new BigDecimal(amount), startMonth)
                .query(Long.class).single();
    }

    /** An elder of Lantian with a full 160-yuan service budget entitlement from last month. */
    long elderWithBudget(String name) {
        long elder = elder(name);
        entitlement(elder, serviceBudgetPolicy("1.00", false), thisMonth().minusMonths(1), "160");
        return elder;
    }

    /** An item of the catalogue priced for the whole district since 2020. */
    long item(String unit, int minutes, String price) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, ?, 'CLEANING', ?, ?, 'test') RETURNING id
                        """)
                .params(unique("TB"), "测试项目" + SEQUENCE.get(), unit, minutes).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                        VALUES (?, ?, DATE '2020-01-01', ?, 'test')
                        """).params(id, DISTRICT, new BigDecimal(price)).update();
        return id;
    }

    long provider(String creditCode) {
        return jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = ?").param(creditCode)
                .query(Long.class).single();
    }

    /** A provider of its own serving Lantian, under contract until {@code contractTo}. */
    long ownProvider(LocalDate contractTo) {
        String first17 = ("52330105MJ" + "%07d".formatted(SEQUENCE.incrementAndGet() * 7919 % 10_000_000));
        String code = first17 + CreditCode.checkCharacter(first17);
        long id = jdbc.sql("""
                        INSERT INTO home_care_provider (name, credit_code, kind, region_code, contract_from, contract_to,
                                                        created_by, updated_by)
                        VALUES (?, ?, 'HOME_SERVICE', ?, DATE '2020-01-01', ?, 'test', 'test') RETURNING id
                        """)
                .params("测试服务社" + code.substring(12), code, DISTRICT, contractTo).query(Long.class).single();
        jdbc.sql("INSERT INTO home_care_provider_community (provider_id, community_code) VALUES (?, ?)")
                .params(id, LANTIAN).update();
        return id;
    }

    /** A plan written straight into the tables (bypassing the budget check), from this month. */
    long plan(long elderId, long providerId, long itemId, int times) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_plan (elder_id, community_code, provider_id, valid_from, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'test', 'test') RETURNING id
                        """)
                .params(elderId, LANTIAN, providerId, thisMonth()).query(Long.class).single();
        jdbc.sql("INSERT INTO home_care_plan_item (plan_id, item_id, times_per_month, preferred_time) VALUES (?, ?, ?, TIME '14:30')")
                .params(id, itemId, times).update();
        return id;
    }

    int orders(long elderId, String state) {
        return jdbc.sql("SELECT count(*) FROM home_care_order WHERE elder_id = ? AND state = ?")
                .params(elderId, state).query(Integer.class).single();
    }

    int orders(long elderId) {
        return jdbc.sql("SELECT count(*) FROM home_care_order WHERE elder_id = ?").param(elderId)
                .query(Integer.class).single();
    }
}
