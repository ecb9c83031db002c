package org.yinling.subsidy.rule;

import java.util.List;

/**
 * Something wrong with a rule, for the form: where ({@code groups[0].criteria[1]}, {@code tiers[2]}, or empty for
 * the whole rule), a message key and its arguments.
 */
public record RuleProblem(String path, String messageKey, List<Object> args) {

    static RuleProblem of(String path, String messageKey, Object... args) {
        return new RuleProblem(path, messageKey, List.of(args));
    }
}
