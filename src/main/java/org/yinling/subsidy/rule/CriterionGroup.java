package org.yinling.subsidy.rule;

import java.util.List;

/** Criteria combined with AND or OR. */
public record CriterionGroup(Connective connective, List<Criterion> criteria) {

    public CriterionGroup {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public static CriterionGroup all(Criterion... criteria) {
        return new CriterionGroup(Connective.AND, List.of(criteria));
    }

    public static CriterionGroup any(Criterion... criteria) {
        return new CriterionGroup(Connective.OR, List.of(criteria));
    }
}
