package org.yinling.subsidy.rule;

import java.util.List;

/** Who qualifies: groups of criteria, combined with AND or OR (e.g. 65+ AND local, AND alone OR empty nest). */
public record Eligibility(Connective connective, List<CriterionGroup> groups) {

    public Eligibility {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Eligibility allOf(CriterionGroup... groups) {
        return new Eligibility(Connective.AND, List.of(groups));
    }
}
