package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks a rule before it is saved, so that both the compiler and the evaluator can trust it. */
public final class RuleValidator {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    static final int MAX_CRITERIA_PER_GROUP = 10;
    static final int MAX_GROUPS = 10;
    static final int MAX_TIERS = 10;
    static final int MAX_VALUES = 20;

    private RuleValidator() {
    }

    public static List<RuleProblem> validate(PolicyRule rule) {
        List<RuleProblem> problems = new ArrayList<>();
        Eligibility eligibility = rule.eligibility();
        if (eligibility == null || eligibility.connective() == null) {
            problems.add(RuleProblem.of("", "subsidy.rule.noCriteria"));
            return problems;
        }
        if (eligibility.groups().size() > MAX_GROUPS) {
            problems.add(RuleProblem.of("", "subsidy.rule.tooManyGroups", MAX_GROUPS));
        }
        int criteria = 0;
        for (int g = 0; g < eligibility.groups().size(); g++) {
            CriterionGroup group = eligibility.groups().get(g);
            if (group.connective() == null) {
                problems.add(RuleProblem.of("groups[%d]".formatted(g), "subsidy.rule.connectiveMissing"));
            }
            if (group.criteria().size() > MAX_CRITERIA_PER_GROUP) {
                problems.add(RuleProblem.of("groups[%d]".formatted(g), "subsidy.rule.tooManyCriteria",
                        MAX_CRITERIA_PER_GROUP));
            }
            for (int c = 0; c < group.criteria().size(); c++) {
                criteria++;
                check(group.criteria().get(c), "groups[%d].criteria[%d]".formatted(g, c), problems);
            }
        }
        if (criteria == 0) {
            problems.add(RuleProblem.of("", "subsidy.rule.noCriteria"));
        }
        if (rule.tiers().isEmpty()) {
            problems.add(RuleProblem.of("", "subsidy.rule.noTiers"));
        }
        if (rule.tiers().size() > MAX_TIERS) {
            problems.add(RuleProblem.of("", "subsidy.rule.tooManyTiers", MAX_TIERS));
        }
        for (int t = 0; t < rule.tiers().size(); t++) {
            Tier tier = rule.tiers().get(t);
            String path = "tiers[%d]".formatted(t);
            if (tier.amount() == null || tier.amount().signum() <= 0 || tier.amount().compareTo(MAX_AMOUNT) > 0
                    || tier.amount().scale() > 2) {
                problems.add(RuleProblem.of(path, "subsidy.rule.amountInvalid", MAX_AMOUNT));
            }
            if (tier.condition() != null) {
                check(tier.condition(), path, problems);
            } else if (t < rule.tiers().size() - 1) {
                problems.add(RuleProblem.of(path, "subsidy.rule.unconditionalTierNotLast"));
            }
        }
        return problems;
    }

    private static void check(Criterion criterion, String path, List<RuleProblem> problems) {
        Attribute attribute = criterion.attribute();
        Operator operator = criterion.operator();
        if (attribute == null || operator == null) {
            problems.add(RuleProblem.of(path, "subsidy.rule.incomplete"));
            return;
        }
        if (!attribute.operators().contains(operator)) {
            problems.add(RuleProblem.of(path, "subsidy.rule.operatorNotAllowed"));
            return;
        }
        List<String> values = criterion.values();
        if (!operator.acceptsValueCount(values.size()) || values.size() > MAX_VALUES) {
            problems.add(RuleProblem.of(path, operator == Operator.BETWEEN ? "subsidy.rule.betweenNeedsTwo"
                    : operator == Operator.IN ? "subsidy.rule.inNeedsValues" : "subsidy.rule.needsOneValue"));
            return;
        }
        if (attribute.type() != ValueType.NUMBER) {
            for (String value : values) {
                if (!attribute.choices().contains(value)) {
                    problems.add(RuleProblem.of(path, "subsidy.rule.choiceInvalid"));
                    return;
                }
            }
            return;
        }
        List<BigDecimal> numbers = new ArrayList<>();
        for (String value : values) {
            BigDecimal number = number(value);
            if (number == null || number.compareTo(attribute.min()) < 0 || number.compareTo(attribute.max()) > 0
                    || (attribute.wholeNumbers() && number.stripTrailingZeros().scale() > 0)
                    || number.scale() > 2) {
                problems.add(RuleProblem.of(path, attribute.wholeNumbers() ? "subsidy.rule.wholeNumberInvalid"
                        : "subsidy.rule.numberInvalid", attribute.min(), attribute.max()));
                return;
            }
            numbers.add(number);
        }
        if (operator == Operator.BETWEEN && numbers.get(0).compareTo(numbers.get(1)) > 0) {
            problems.add(RuleProblem.of(path, "subsidy.rule.betweenReversed"));
        }
    }

    private static BigDecimal number(String value) {
        if (value == null || !value.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(value);
    }
}
