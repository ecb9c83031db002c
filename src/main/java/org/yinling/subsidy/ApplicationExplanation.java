package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionResult;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.Explanation;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleEvaluator;
import org.yinling.subsidy.rule.Tier;
import org.yinling.subsidy.rule.ValueType;

/**
 * The eligibility explanation in words, for a page: every criterion with its values and the elder's value (each a
 * message key or plain text), whether it passed, per group; every tier with the one that applies.
 */
public record ApplicationExplanation(Connective connective, List<Group> groups, boolean eligible, List<TierLine> tiers,
                              int tierIndex, BigDecimal amount, LocalDate on) {

    /** A value to show: {@code key} when it is a choice with a message, else {@code text}. */
    public record Value(String key, String text) {
    }

    public record Line(String attributeKey, String operatorKey, List<Value> values, Value actual, boolean passed) {
    }

    public record Group(Connective connective, List<Line> lines, boolean passed) {
    }

    public record TierLine(int index, Line condition, BigDecimal amount, boolean applies) {
    }

    public boolean qualifies() {
        return eligible && tierIndex >= 0;
    }

    static ApplicationExplanation of(PolicyRule rule, EligibilityFacts facts, LocalDate on) {
        Explanation explanation = RuleEvaluator.explain(rule, facts, on);
        List<Group> groups = new ArrayList<>();
        for (Explanation.GroupResult group : explanation.groups()) {
            List<Line> lines = new ArrayList<>();
            for (CriterionResult result : group.criteria()) {
                lines.add(line(result.criterion(), result.actualValue(), result.passed()));
            }
            groups.add(new Group(group.connective(), lines, group.passed()));
        }
        List<TierLine> tiers = new ArrayList<>();
        for (int i = 0; i < rule.tiers().size(); i++) {
            Tier tier = rule.tiers().get(i);
            Line condition = tier.condition() == null ? null : line(tier.condition(),
                    facts.value(tier.condition().attribute(), on), RuleEvaluator.matches(tier.condition(), facts, on));
            tiers.add(new TierLine(i, condition, tier.amount(), i == explanation.tierIndex()));
        }
        return new ApplicationExplanation(rule.eligibility().connective(), groups, explanation.eligible(), tiers,
                explanation.tierIndex(), explanation.amount(), on);
    }

    private static Line line(Criterion criterion, String actual, boolean passed) {
        Attribute attribute = criterion.attribute();
        List<Value> values = criterion.values().stream().map(v -> value(attribute, v)).toList();
        return new Line(attribute.messageKey(), criterion.operator().messageKey(), values,
                actual == null ? null : value(attribute, actual), passed);
    }

    private static Value value(Attribute attribute, String raw) {
        if (attribute.type() != ValueType.NUMBER && attribute.choices().contains(raw)) {
            return new Value(attribute.choiceMessageKey(raw), raw);
        }
        return new Value(null, raw);
    }
}
