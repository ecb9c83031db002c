package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a rule for one elder in Java; {@link RuleCompiler} is the same rule as SQL for many elders. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    public static Explanation explain(PolicyRule rule, EligibilityFacts facts, LocalDate on) {
        List<Explanation.GroupResult> groups = new ArrayList<>();
        for (CriterionGroup group : rule.eligibility().groups()) {
            List<CriterionResult> results = new ArrayList<>();
            for (Criterion criterion : group.criteria()) {
                results.add(new CriterionResult(criterion, facts.value(criterion.attribute(), on),
                        matches(criterion, facts, on)));
            }
            groups.add(new Explanation.GroupResult(group.connective(), results,
                    combine(group.connective(), results.stream().map(CriterionResult::passed).toList())));
        }
        boolean eligible = combine(rule.eligibility().connective(),
                groups.stream().map(Explanation.GroupResult::passed).toList());
        int tier = tierIndex(rule, facts, on);
        return new Explanation(groups, eligible, tier, tier < 0 ? null : rule.tiers().get(tier).amount());
    }

    public static boolean eligible(PolicyRule rule, EligibilityFacts facts, LocalDate on) {
        List<Boolean> groups = new ArrayList<>();
        for (CriterionGroup group : rule.eligibility().groups()) {
            groups.add(combine(group.connective(),
                    group.criteria().stream().map(criterion -> matches(criterion, facts, on)).toList()));
        }
        return combine(rule.eligibility().connective(), groups);
    }

    /** The first tier whose condition matches, or -1. */
    public static int tierIndex(PolicyRule rule, EligibilityFacts facts, LocalDate on) {
        for (int i = 0; i < rule.tiers().size(); i++) {
            Criterion condition = rule.tiers().get(i).condition();
            if (condition == null || matches(condition, facts, on)) {
                return i;
            }
        }
        return -1;
    }

    /** Eligible and in a tier: the tier index, or -1. */
    public static int qualifyingTier(PolicyRule rule, EligibilityFacts facts, LocalDate on) {
        return eligible(rule, facts, on) ? tierIndex(rule, facts, on) : -1;
    }

    /** An empty group or rule passes: it asks nothing (the validator refuses a rule without any criterion). */
    private static boolean combine(Connective connective, List<Boolean> results) {
        if (results.isEmpty()) {
            return true;
        }
        return connective == Connective.AND ? !results.contains(false) : results.contains(true);
    }

    public static boolean matches(Criterion criterion, EligibilityFacts facts, LocalDate on) {
        String actual = facts.value(criterion.attribute(), on);
        if (actual == null) {
            return false;
        }
        List<String> values = criterion.values();
        if (criterion.attribute().type() != ValueType.NUMBER) {
            return switch (criterion.operator()) {
                case EQ -> actual.equals(values.get(0));
                case NE -> !actual.equals(values.get(0));
                case IN -> values.contains(actual);
                default -> throw new IllegalArgumentException(criterion.operator() + " on " + criterion.attribute());
            };
        }
        BigDecimal value = new BigDecimal(actual);
        return switch (criterion.operator()) {
            case EQ -> compare(value, values.get(0)) == 0;
            case NE -> compare(value, values.get(0)) != 0;
            case LT -> compare(value, values.get(0)) < 0;
            case LE -> compare(value, values.get(0)) <= 0;
            case GT -> compare(value, values.get(0)) > 0;
            case GE -> compare(value, values.get(0)) >= 0;
            case IN -> values.stream().anyMatch(candidate -> compare(value, candidate) == 0);
            case BETWEEN -> compare(value, values.get(0)) >= 0 && compare(value, values.get(1)) <= 0;
        };
    }

    private static int compare(BigDecimal actual, String expected) {
        return actual.compareTo(new BigDecimal(expected));
    }
}
