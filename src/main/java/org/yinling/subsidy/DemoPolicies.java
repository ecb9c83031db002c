package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleValidator;
import org.yinling.subsidy.rule.Tier;

/**
 * The demo district's two policies from the seed documents, published and in force from 2026-01-01: 高龄津贴
 * (local 户籍, 80+, three tiers 100 / 500 / 800 a month, automatic) and 居家养老服务补贴 (65+, living alone, income per
 * person under 490 → a service budget of 160 a month, paid in full by the government). Runs after the demo
 * elders; a policy code that exists is left as it is.
 */
@Component
@Order(DemoPolicies.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoPolicies implements ApplicationRunner {

    /** After the demo elders (order 30). */
    static final int ORDER = 40;
    static final String DISTRICT = "330105000000";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final String ACTOR = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);

    private final PolicyStore store;
    private final AuditLog audit;

    DemoPolicies(PolicyStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Policy policy : List.of(gaoling(), jujia())) {
            if (!store.versions(policy.code()).isEmpty()) {
                continue;
            }
            if (!RuleValidator.validate(policy.rule()).isEmpty()) {
                throw new IllegalStateException("demo policy " + policy.code() + " is invalid");
            }
            long id = store.insert(policy, ACTOR);
            store.publish(id, 0, ACTOR);
            audit.recordAs(AuditLog.SYSTEM, "POLICY_PUBLISHED", PolicyAdministration.ENTITY, id,
                    Map.of("code", policy.code(), "version", 1, "demo", true));
            created++;
        }
        log.info("Demo policies: {} created", created);
    }

    static Policy gaoling() {
        Eligibility eligibility = Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.LIFE_STATUS, Operator.EQ, "ACTIVE"),
                Criterion.of(Attribute.HUKOU_LOCAL, Operator.EQ, "true"),
                Criterion.of(Attribute.AGE, Operator.GE, "80")));
        PolicyRule rule = new PolicyRule(eligibility, List.of(
                new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "80", "89"), new BigDecimal("100")),
                new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "90", "99"), new BigDecimal("500")),
                new Tier(Criterion.of(Attribute.AGE, Operator.GE, "100"), new BigDecimal("800"))));
        return demo("GAOLING", "高龄津贴", PolicyKind.AGE_ALLOWANCE, true, rule,
                "80–89 岁普惠（《拱墅区推进养老服务业综合改革实施方案》），90–99 岁、100 岁以上按北京标准。");
    }

    static Policy jujia() {
        Eligibility eligibility = Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.LIFE_STATUS, Operator.EQ, "ACTIVE"),
                Criterion.of(Attribute.AGE, Operator.GE, "65"),
                Criterion.of(Attribute.LIVING_ARRANGEMENT, Operator.EQ, "ALONE"),
                Criterion.of(Attribute.INCOME_PER_PERSON, Operator.LT, "490")));
        return demo("JUJIA", "居家养老服务补贴", PolicyKind.HOME_CARE_SERVICE, false,
                PolicyRule.fixed(eligibility, new BigDecimal("160")), "《2023年养老事业改革总结与计划》：每月 160 元服务额度，政府全额承担。")
                .withServiceBudget(Policy.FULL_SHARE, false);
    }

    private static Policy demo(String code, String name, PolicyKind kind, boolean automatic, PolicyRule rule,
                               String notes) {
        return new Policy(0, code, 1, name, kind, DISTRICT, FROM, null, Frequency.MONTHLY, automatic, 0, rule,
                PolicyStatus.DRAFT, notes, true, null, null, null, null, null, null, 0);
    }
}
