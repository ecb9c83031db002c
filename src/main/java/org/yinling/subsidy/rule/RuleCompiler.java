package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a rule to SQL over {@code elder e}, for all elders at once. Column names come from {@link Attribute},
 * operators from {@link Operator}; every value is a bound parameter, so no text of a rule ever becomes SQL.
 * Each criterion is wrapped in {@code COALESCE(…, FALSE)}: a comparison with an unknown value is false, as in
 * {@link RuleEvaluator}. Ages compile to bounds on {@code birth_date}.
 */
public final class RuleCompiler {

    private RuleCompiler() {
    }

    /** A boolean condition: the elder meets the eligibility criteria on {@code on}. */
    public static SqlFragment eligibility(Eligibility eligibility, LocalDate on) {
        List<SqlFragment> groups = new ArrayList<>();
        for (CriterionGroup group : eligibility.groups()) {
            groups.add(combine(group.connective(),
                    group.criteria().stream().map(criterion -> criterion(criterion, on)).toList()));
        }
        return combine(eligibility.connective(), groups);
    }

    /** An integer expression: the index of the first matching tier, or NULL. */
    public static SqlFragment tierIndex(List<Tier> tiers, LocalDate on) {
        List<SqlFragment> whens = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Criterion condition = tiers.get(i).condition();
            SqlFragment test = condition == null ? SqlFragment.of("TRUE") : criterion(condition, on);
            whens.add(SqlFragment.of("WHEN ").then("", test).then(" THEN ", SqlFragment.of(Integer.toString(i))));
        }
        if (whens.isEmpty()) {
            return SqlFragment.of("CAST(NULL AS INTEGER)");
        }
        return SqlFragment.of("(CASE ").then("", SqlFragment.join(" ", whens)).then(" ", SqlFragment.of("END)"));
    }

    /** An integer expression: the tier of an elder who qualifies (eligible and in a tier), else NULL. */
    public static SqlFragment qualifyingTier(PolicyRule rule, LocalDate on) {
        return SqlFragment.of("(CASE WHEN ").then("", eligibility(rule.eligibility(), on))
                .then(" THEN ", tierIndex(rule.tiers(), on)).then(" ", SqlFragment.of("END)"));
    }

    /** The amount of a tier index expression, as a CASE over the tiers' amounts (bound values). */
    public static SqlFragment amountOf(String tierIndexColumn, List<Tier> tiers) {
        if (!tierIndexColumn.matches("[a-z_][a-z0-9_.]*")) {
            throw new IllegalArgumentException("not a column name: " + tierIndexColumn);
        }
        List<SqlFragment> whens = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            whens.add(new SqlFragment("WHEN " + tierIndexColumn + " = " + i + " THEN CAST(? AS NUMERIC(10, 2))",
                    List.of(tiers.get(i).amount())));
        }
        if (whens.isEmpty()) {
            return SqlFragment.of("CAST(NULL AS NUMERIC(10, 2))");
        }
        return SqlFragment.of("(CASE ").then("", SqlFragment.join(" ", whens)).then(" ", SqlFragment.of("END)"));
    }

    private static SqlFragment combine(Connective connective, List<SqlFragment> parts) {
        if (parts.isEmpty()) {
            return SqlFragment.of("TRUE");
        }
        SqlFragment joined = SqlFragment.join(connective == Connective.AND ? " AND " : " OR ", parts);
        return SqlFragment.of("(").then("", joined).then("", SqlFragment.of(")"));
    }

    static SqlFragment criterion(Criterion criterion, LocalDate on) {
        if (criterion.attribute() == Attribute.AGE) {
            return age(criterion, on);
        }
        if (criterion.attribute() == Attribute.ASSESSMENT_VALID) {
            // valid on the day: its last valid day not before it (never assessed: not valid)
            boolean wanted = Boolean.parseBoolean(criterion.values().get(0)) == (criterion.operator() == Operator.EQ);
            SqlFragment valid = SqlFragment.of("COALESCE(e.assessment_valid_until >= ?, FALSE)", on);
            return wanted ? valid : SqlFragment.of("NOT ").then("", valid);
        }
        String column = "e." + criterion.attribute().column();
        List<Object> values = criterion.values().stream().map(value -> bindable(criterion.attribute(), value)).toList();
        String test = switch (criterion.operator()) {
            case EQ -> column + " = ?";
            case NE -> column + " <> ?";
            case LT -> column + " < ?";
            case LE -> column + " <= ?";
            case GT -> column + " > ?";
            case GE -> column + " >= ?";
            case IN -> column + " IN (" + String.join(", ", values.stream().map(value -> "?").toList()) + ")";
            case BETWEEN -> column + " BETWEEN ? AND ?";
        };
        return new SqlFragment("COALESCE(" + test + ", FALSE)", values);
    }

    private static Object bindable(Attribute attribute, String value) {
        return switch (attribute.type()) {
            case NUMBER -> new BigDecimal(value);
            case BOOLEAN -> Boolean.valueOf(value);
            case CHOICE -> value;
        };
    }

    /**
     * Age n or more on {@code on} exactly when born on or before {@code on} minus n years; every other operator is
     * expressed with that one bound, so SQL and {@link EligibilityFacts#ageOn} agree also around 29 February.
     */
    private static SqlFragment age(Criterion criterion, LocalDate on) {
        List<Integer> ages = criterion.values().stream().map(value -> new BigDecimal(value).intValueExact()).toList();
        int n = ages.get(0);
        return switch (criterion.operator()) {
            case GE -> atLeast(n, on);
            case GT -> atLeast(n + 1, on);
            case LE -> below(n + 1, on);
            case LT -> below(n, on);
            case EQ -> exactly(n, on);
            case NE -> SqlFragment.of("NOT ").then("", exactly(n, on));
            case BETWEEN -> SqlFragment.of("(").then("", atLeast(n, on)).then(" AND ", below(ages.get(1) + 1, on))
                    .then("", SqlFragment.of(")"));
            case IN -> SqlFragment.of("(").then("", SqlFragment.join(" OR ",
                    ages.stream().map(age -> exactly(age, on)).toList())).then("", SqlFragment.of(")"));
        };
    }

    private static SqlFragment exactly(int n, LocalDate on) {
        return SqlFragment.of("(").then("", atLeast(n, on)).then(" AND ", below(n + 1, on)).then("", SqlFragment.of(")"));
    }

    private static SqlFragment atLeast(int n, LocalDate on) {
        return SqlFragment.of("e.birth_date <= ?", on.minusYears(n));
    }

    private static SqlFragment below(int n, LocalDate on) {
        return SqlFragment.of("e.birth_date > ?", on.minusYears(n));
    }
}
