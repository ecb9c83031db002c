package org.yinling.subsidy.rule;

import java.util.List;

/**
 * One test of an elder attribute, e.g. AGE BETWEEN [80, 89] or LIVING_ARRANGEMENT IN [ALONE, EMPTY_NEST].
 * Values are kept as text (numbers in plain notation, choices by their stored names); {@link RuleValidator} checks
 * them before a rule is saved.
 */
public record Criterion(Attribute attribute, Operator operator, List<String> values) {

    public Criterion {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static Criterion of(Attribute attribute, Operator operator, String... values) {
        return new Criterion(attribute, operator, List.of(values));
    }
}
