package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleEvaluator;
import org.yinling.subsidy.rule.RuleValidator;
import org.yinling.subsidy.rule.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test: for many generated elders and many generated rules, the SQL the compiler produces and the Java
 * evaluator pick the same elders and the same tier. Elders are born around 29 February and around the age limits,
 * incomes sit on the limits, capability levels and incomes are sometimes unknown. Rolled back afterwards.
 */
@SpringBootTest
@Transactional
class RuleAgreementTest {

    private static final int ELDERS = 400;
    private static final int RULES = 250;
    private static final List<String> COMMUNITIES = List.of("330105001001", "330105001002", "330105002001");
    private static final List<String> INCOMES = List.of("0", "300", "489.99", "490", "490.01", "1000");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleQueries queries;

    @Test
    void sqlAndJavaAgreeForGeneratedEldersAndRules() {
        Random random = new Random(20261122);
        List<Long> ids = insertElders(random);
        Map<Long, EligibilityFacts> facts = new java.util.LinkedHashMap<>();
        for (long id : ids) {
            facts.put(id, queries.facts(id, RegionScope.everything()).orElseThrow());
        }
        int qualifyingSomewhere = 0;
        for (int r = 0; r < RULES; r++) {
            PolicyRule rule = rule(random);
            assertThat(RuleValidator.validate(rule)).as("generated rule %s", rule).isEmpty();
            LocalDate on = evaluationDay(random);
            Map<Long, Integer> sql = queries.qualifyingTiers(rule, ids, on);
            for (long id : ids) {
                int java = RuleEvaluator.qualifyingTier(rule, facts.get(id), on);
                Integer fromSql = sql.get(id);
                assertThat(fromSql == null ? -1 : fromSql)
                        .as("elder %s on %s under %s", facts.get(id), on, rule).isEqualTo(java);
                if (java >= 0) {
                    qualifyingSomewhere++;
                }
            }
        }
        // the generated rules are neither all-true nor all-false: the comparison exercised both outcomes
        assertThat(qualifyingSomewhere).isBetween(RULES * ELDERS / 20, RULES * ELDERS * 19 / 20);
    }

    private List<Long> insertElders(Random random) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ELDERS; i++) {
            LocalDate birth = birthDate(random);
            String lifeStatus = pick(random, List.of("ACTIVE", "ACTIVE", "ACTIVE", "DECEASED", "MOVED_OUT"));
            boolean disabled = random.nextInt(3) == 0;
            String residentId = "110105" + birth.toString().replace("-", "") + "%03dX".formatted(i % 1000);
            ids.add(jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, income_per_person, capability_level, life_status,
                                life_status_date, solitary, lost_only_child, only_child_disabled, left_behind,
                                special_care_recipient, serious_illness, disability_category, disability_level,
                                created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 'test')
                            RETURNING id
                            """)
                    .params(residentId, "测试" + i, birth, random.nextBoolean(), pick(random, COMMUNITIES),
                            pick(random, Attribute.LIVING_ARRANGEMENT.choices()),
                            pick(random, Attribute.ECONOMIC_STATUS.choices()),
                            random.nextInt(5) == 0 ? null : new BigDecimal(pick(random, INCOMES)),
                            random.nextInt(3) == 0 ? null : random.nextInt(5), lifeStatus,
                            lifeStatus.equals("ACTIVE") ? null : LocalDate.of(2025, 6, 1),
                            random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                            random.nextBoolean(), random.nextBoolean(), disabled ? pick(random,
                                    Attribute.DISABILITY_CATEGORY.choices()) : null,
                            disabled ? 1 + random.nextInt(4) : null)
                    .query(Long.class).single());
        }
        return ids;
    }

    /** Birthdays on and around 29 February and 1 March, and anywhere else, for ages of about 55 to 105. */
    private static LocalDate birthDate(Random random) {
        int year = 1920 + random.nextInt(50);
        return switch (random.nextInt(4)) {
            case 0 -> LocalDate.of(year - year % 4, 2, 29);
            case 1 -> LocalDate.of(year, 2, 28);
            case 2 -> LocalDate.of(year, 3, 1);
            default -> LocalDate.ofYearDay(year, 1 + random.nextInt(365));
        };
    }

    private static LocalDate evaluationDay(Random random) {
        int year = 2023 + random.nextInt(6);
        return switch (random.nextInt(4)) {
            case 0 -> LocalDate.of(2024, 2, 29);
            case 1 -> LocalDate.of(year, 2, 28);
            case 2 -> LocalDate.of(year, 3, 1);
            default -> LocalDate.ofYearDay(year, 1 + random.nextInt(365));
        };
    }

    private static PolicyRule rule(Random random) {
        List<CriterionGroup> groups = new ArrayList<>();
        for (int g = 0, n = 1 + random.nextInt(3); g < n; g++) {
            List<Criterion> criteria = new ArrayList<>();
            for (int c = 0, m = 1 + random.nextInt(3); c < m; c++) {
                criteria.add(criterion(random));
            }
            groups.add(new CriterionGroup(pick(random, List.of(Connective.values())), criteria));
        }
        List<Tier> tiers = new ArrayList<>();
        for (int t = 0, n = random.nextInt(3); t < n; t++) {
            tiers.add(new Tier(criterion(random), BigDecimal.valueOf(100L * (t + 1))));
        }
        if (tiers.isEmpty() || random.nextBoolean()) {
            tiers.add(new Tier(null, new BigDecimal("50.50")));
        }
        return new PolicyRule(new Eligibility(pick(random, List.of(Connective.values())), groups), tiers);
    }

    private static Criterion criterion(Random random) {
        Attribute attribute = pick(random, List.of(Attribute.values()));
        Operator operator = pick(random, List.copyOf(attribute.operators()));
        int count = switch (operator) {
            case BETWEEN -> 2;
            case IN -> 1 + random.nextInt(3);
            default -> 1;
        };
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(switch (attribute) {
                case AGE -> Integer.toString(60 + random.nextInt(46));
                case CAPABILITY_LEVEL -> Integer.toString(random.nextInt(5));
                case DISABILITY_LEVEL -> Integer.toString(1 + random.nextInt(4));
                case INCOME_PER_PERSON -> pick(random, INCOMES);
                default -> pick(random, attribute.choices());
            });
        }
        if (operator == Operator.BETWEEN && new BigDecimal(values.get(0)).compareTo(new BigDecimal(values.get(1))) > 0) {
            values = List.of(values.get(1), values.get(0));
        }
        return new Criterion(attribute, operator, values);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
