package org.yinling.subsidy.rule;

/** One criterion applied to one elder: the elder's value (null when unknown) and whether it passed. */
public record CriterionResult(Criterion criterion, String actualValue, boolean passed) {
}
