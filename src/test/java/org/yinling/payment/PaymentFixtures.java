package org.yinling.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.Tier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policies, elders and entitlements written straight into the tables, so that payment tests control every date.
 * Elders get resident IDs of the test county 110105, which the demo generator never uses.
 */
class PaymentFixtures {

    static final String DISTRICT = "330105000000";
    static final String COMMUNITY = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    /** 高龄津贴 as in the seeds: 80–89 → 100, 90–99 → 500, 100+ → 800 a month, for active elders of 80 and more. */
    static final PolicyRule AGE_ALLOWANCE = new PolicyRule(
            Eligibility.allOf(CriterionGroup.all(Criterion.of(Attribute.LIFE_STATUS, Operator.EQ, "ACTIVE"),
                    Criterion.of(Attribute.AGE, Operator.GE, "80"))),
            List.of(new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "80", "89"), new BigDecimal("100")),
                    new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "90", "99"), new BigDecimal("500")),
                    new Tier(Criterion.of(Attribute.AGE, Operator.GE, "100"), new BigDecimal("800"))));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentFixtures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long policy(String code, PolicyRule rule, LocalDate effectiveFrom, int backPayMonths) {
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, published_at, published_by, created_by, updated_by)
                        VALUES (?, 1, ?, 'AGE_ALLOWANCE', ?, ?, 'MONTHLY', ?, CAST(? AS jsonb), 'PUBLISHED', now(),
                            'test', 'test', 'test') RETURNING id
                        """)
                .params(code, code, DISTRICT, effectiveFrom, backPayMonths, json.writeValueAsString(rule))
                .query(Long.class).single();
    }

    long elder(LocalDate birthDate) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "110105" + birthDate.toString().replace("-", "") + "%03d".formatted(n % 1000) + "X";
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """)
                .params(residentId, "付测" + n, birthDate, COMMUNITY)
                .query(Long.class).single();
    }

    void died(long elderId, LocalDate date) {
        jdbc.sql("UPDATE elder SET life_status = 'DECEASED', life_status_date = ?, life_status_reason = 'test' WHERE id = ?")
                .params(date, elderId).update();
    }

    /** An approved application and its active entitlement from {@code startMonth} at the given tier. */
    long entitlement(long elderId, long policyId, String policyCode, LocalDate startMonth, int tier, String amount) {
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', ?, ?, ?, ?, now(), 'test', 'test') RETURNING id
                        """)
                .params(elderId, policyId, policyCode, COMMUNITY, tier, new BigDecimal(amount),
                        startMonth.minusMonths(1), startMonth.minusDays(1))
                .query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, payee_bank, payee_account, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'MONTHLY', ?, 'ACTIVE', '测试银行', '6222000011112222', 'test')
                        RETURNING id
                        """)
                .params(elderId, policyId, policyCode, application, COMMUNITY, tier, new BigDecimal(amount), startMonth)
                .query(Long.class).single();
    }

    void stop(long entitlementId, LocalDate endMonth) {
        jdbc.sql("UPDATE subsidy_entitlement SET status = 'STOPPED', end_month = ?, stopped_at = now(), stop_reason = 'test' WHERE id = ?")
                .params(endMonth, entitlementId).update();
    }

    /** The lines of one elder: month, kind and amount, by month then kind. */
    List<String> lines(long elderId) {
        return jdbc.sql("""
                        SELECT to_char(month, 'YYYY-MM') || ' ' || kind || ' ' || amount || ' ' || status
                        FROM payment_line WHERE elder_id = ? ORDER BY month, kind, id
                        """)
                .param(elderId).query(String.class).list();
    }

    List<String> lines(long elderId, long batchId) {
        return jdbc.sql("""
                        SELECT to_char(month, 'YYYY-MM') || ' ' || kind || ' ' || amount
                        FROM payment_line WHERE elder_id = ? AND batch_id = ? ORDER BY month, kind, id
                        """)
                .params(elderId, batchId).query(String.class).list();
    }
}
