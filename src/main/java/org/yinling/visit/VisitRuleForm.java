package org.yinling.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.CriteriaForm;
import org.yinling.subsidy.rule.CriteriaForm.Group;
import org.yinling.subsidy.rule.CriteriaForm.Row;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.RuleValidator;

/**
 * The form of a roster rule or a tier rule. The criteria are edited with the shared criteria card (template fragment
 * {@code fragments/criteria}) and read and checked by {@link CriteriaForm}, as the subsidy policies' and the meal
 * categories' are: groups of rows, blank rows ignored, checked by {@link RuleValidator} before anything is saved.
 *
 * @param regionCode blank for every region (the system defaults: the administrator only)
 * @param tier       the tier a tier rule gives (HIGH or MEDIUM); null for a roster rule
 */
public record VisitRuleForm(
        @NotBlank @Size(max = 100) String name,
        String regionCode,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
        Boolean homeOnly,
        RiskTier tier,
        Connective connective,
        List<Group> groups,
        Long lockVersion) {

    static final int GROUP_SLOTS = 3;
    static final int ROW_SLOTS = 4;

    public VisitRuleForm {
        List<Group> padded = new ArrayList<>();
        if (groups != null) {
            groups.forEach(group -> padded.add(group == null ? Group.padded(Connective.AND, List.of(), ROW_SLOTS)
                    : Group.padded(group.connective(), group.criteria(), ROW_SLOTS)));
        }
        while (padded.size() < GROUP_SLOTS) {
            padded.add(Group.padded(Connective.AND, List.of(), ROW_SLOTS));
        }
        groups = padded;
    }

    static VisitRuleForm blank(String regionCode, LocalDate today, RiskTier tier) {
        return new VisitRuleForm("", regionCode, today, null, true, tier, Connective.AND, List.of(), null);
    }

    static VisitRuleForm of(VisitRule rule) {
        List<Group> groups = new ArrayList<>();
        for (CriterionGroup group : rule.criteria().groups()) {
            groups.add(new Group(group.connective(), group.criteria().stream().map(Row::of).toList()));
        }
        return new VisitRuleForm(rule.name(), rule.regionCode() == null ? "" : rule.regionCode(), rule.effectiveFrom(),
                rule.effectiveTo(), rule.homeOnly(), rule.tier(), rule.criteria().connective(), groups,
                rule.lockVersion());
    }

    boolean homeOnlyOrFalse() {
        return Boolean.TRUE.equals(homeOnly);
    }

    /**
     * The criteria the form describes, checked by {@link RuleValidator} (wrapped in a rule with one unconditional tier,
     * since a visit rule has no amounts): problems are rejected at their rows. Null when there were problems.
     */
    Eligibility checkedCriteria(Errors errors) {
        return new CriteriaForm(connective, groups).check("", GROUP_SLOTS, ROW_SLOTS, errors);
    }
}
