package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.Tier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A level-based benefit lapses when the assessment does (issue 21 §5): the nightly check flags, for the street's
 * re-check, the entitlement of an elder whose assessment ran out, under a policy that requires a valid assessment; an
 * elder still within validity, and a policy that does not test it, are left alone.
 */
@SpringBootTest
class AssessmentLapseTest {

    static final String COMMUNITY = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    @Autowired
    AssessmentLapse lapse;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    final LocalDate today = TestDates.today();

    @Test
    void anEntitlementNeedingAValidAssessmentIsFlaggedWhenTheAssessmentRunsOut() {
        PolicyRule needsValid = new PolicyRule(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.CAPABILITY_LEVEL, Operator.GE, "3"),
                Criterion.of(Attribute.ASSESSMENT_VALID, Operator.EQ, "true"))),
                List.of(new Tier(null, new BigDecimal("300"))));
        PolicyRule levelOnly = new PolicyRule(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.CAPABILITY_LEVEL, Operator.GE, "4"))),
                List.of(new Tier(null, new BigDecimal("100"))));
        long nursing = policy("LAPSE_NURSING", needsValid);
        long other = policy("LAPSE_OTHER", levelOnly);
        long valid = elder(today.plusDays(10));
        long expired = elder(today.minusDays(1));
        long stillValid = entitlement(valid, nursing, "LAPSE_NURSING");
        long lapsed = entitlement(expired, nursing, "LAPSE_NURSING");
        long untouched = entitlement(expired, other, "LAPSE_OTHER");           // level 3 < 4, but not this check's

        assertThat(lapse.run()).isEqualTo(1);
        assertThat(recheck(lapsed)).isEqualTo("NOT_ELIGIBLE");
        assertThat(recheck(stillValid)).isNull();
        assertThat(recheck(untouched)).isNull();
        assertThat(lapse.run()).isZero();                                      // flagged once
    }

    private String recheck(long entitlement) {
        return jdbc.sql("SELECT recheck_reason FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).optional().orElse(null);
    }

    private long policy(String code, PolicyRule rule) {
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            rule, status, published_at, published_by, created_by, updated_by)
                        VALUES (?, 1, ?, 'NURSING_CARE', '330105000000', DATE '2026-01-01', 'MONTHLY', CAST(? AS jsonb),
                            'PUBLISHED', now(), 'test', 'test', 'test') RETURNING id
                        """).params(code, code, json.writeValueAsString(rule)).query(Long.class).single();
    }

    private long elder(LocalDate validUntil) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "110105" + "19400101" + "%03d".formatted(n % 1000) + "X";
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, capability_level, assessment_valid_until,
                            created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1940-01-01', TRUE, ?, 'ALONE', 'NONE', 3, ?, 'test', 'test')
                        RETURNING id
                        """).params(residentId, "失效测" + n, COMMUNITY, validUntil).query(Long.class).single();
    }

    private long entitlement(long elderId, long policyId, String policyCode) {
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, 300, CURRENT_DATE, CURRENT_DATE, now(), 'test', 'test')
                        RETURNING id
                        """).params(elderId, policyId, policyCode, COMMUNITY).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, 300, 'MONTHLY', CAST(date_trunc('month', CURRENT_DATE) AS date),
                            'ACTIVE', 'test') RETURNING id
                        """).params(elderId, policyId, policyCode, application, COMMUNITY).query(Long.class).single();
    }
}
