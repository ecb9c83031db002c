package org.yinling.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleProblem;
import org.yinling.subsidy.rule.RuleValidator;
import org.yinling.subsidy.rule.Tier;
import org.yinling.subsidy.rule.ValueType;

/**
 * The form of a roster rule or a tier rule. The criteria are edited with the subsidy policies' criterion rows (the
 * template fragment {@code subsidies/policies/form :: criterionRow}, so the field names are the same): groups of
 * rows, blank rows ignored, checked by {@link RuleValidator} before anything is saved.
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
    static final int MAX_CHOICES = 20;

    public VisitRuleForm {
        List<Group> padded = new ArrayList<>();
        if (groups != null) {
            groups.forEach(group -> padded.add(group == null ? new Group(Connective.AND, null) : group));
        }
        while (padded.size() < GROUP_SLOTS) {
            padded.add(new Group(Connective.AND, null));
        }
        groups = padded;
    }

    /** One group of criterion rows. */
    public record Group(Connective connective, List<Row> criteria) {
        public Group {
            List<Row> rows = new ArrayList<>();
            if (criteria != null) {
                criteria.forEach(row -> rows.add(row == null ? Row.blank() : row));
            }
            while (rows.size() < ROW_SLOTS) {
                rows.add(Row.blank());
            }
            criteria = rows;
        }
    }

    /** One criterion row: attribute, operator, number(s) or choices ({@code ATTRIBUTE:VALUE}), as the fragment sends. */
    public record Row(Attribute attribute, Operator operator, String value, String value2, List<String> choices) {
        public Row {
            choices = choices == null ? List.of() : choices;
        }

        static Row blank() {
            return new Row(null, null, "", "", List.of());
        }

        static Row of(Criterion criterion) {
            Attribute attribute = criterion.attribute();
            if (attribute.type() != ValueType.NUMBER) {
                return new Row(attribute, criterion.operator(), "", "",
                        criterion.values().stream().map(value -> attribute.name() + ":" + value).toList());
            }
            if (criterion.operator() == Operator.BETWEEN && criterion.values().size() == 2) {
                return new Row(attribute, criterion.operator(), criterion.values().get(0), criterion.values().get(1),
                        List.of());
            }
            return new Row(attribute, criterion.operator(), String.join(", ", criterion.values()), "", List.of());
        }

        Criterion toCriterion() {
            List<String> values = new ArrayList<>();
            if (attribute.type() != ValueType.NUMBER) {
                String prefix = attribute.name() + ":";
                choices.stream().filter(choice -> choice != null && choice.startsWith(prefix))
                        .map(choice -> choice.substring(prefix.length())).forEach(values::add);
            }
            else if (operator == Operator.BETWEEN) {
                values.add(trim(value));
                values.add(trim(value2));
                values.removeIf(String::isEmpty);
            }
            else if (operator == Operator.IN) {
                Arrays.stream(trim(value).split("[,，、\\s]+")).filter(v -> !v.isEmpty()).forEach(values::add);
            }
            else if (!trim(value).isEmpty()) {
                values.add(trim(value));
            }
            return new Criterion(attribute, operator, values);
        }
    }

    static VisitRuleForm blank(String regionCode, LocalDate today, RiskTier tier) {
        return new VisitRuleForm("", regionCode, today, null, true, tier, Connective.AND, List.of(), null);
    }

    static VisitRuleForm of(VisitRule rule) {
        List<Group> groups = new ArrayList<>();
        for (CriterionGroup group : rule.criteria().groups()) {
            groups.add(new Group(group.connective(), new ArrayList<>(group.criteria().stream().map(Row::of).toList())));
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
        if (connective == null) {
            errors.rejectValue("connective", "NotNull");
            return null;
        }
        if (groups.size() > GROUP_SLOTS) {
            errors.rejectValue("connective", "policy.form.tooManyGroups", new Object[] {GROUP_SLOTS}, null);
            return null;
        }
        List<CriterionGroup> ruleGroups = new ArrayList<>();
        List<String> groupFields = new ArrayList<>();
        List<List<String>> rowFields = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (group.criteria().size() > ROW_SLOTS) {
                errors.rejectValue("groups[%d].connective".formatted(g), "policy.form.tooManyCriteria",
                        new Object[] {ROW_SLOTS}, null);
                return null;
            }
            List<Criterion> criteria = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < group.criteria().size(); c++) {
                Row row = group.criteria().get(c);
                if (row.attribute() == null) {
                    continue;
                }
                if (row.choices().size() > MAX_CHOICES) {
                    errors.rejectValue("groups[%d].criteria[%d].value".formatted(g, c), "policy.form.tooManyChoices",
                            new Object[] {MAX_CHOICES}, null);
                    return null;
                }
                criteria.add(row.toCriterion());
                fields.add("groups[%d].criteria[%d].value".formatted(g, c));
            }
            if (!criteria.isEmpty()) {
                ruleGroups.add(new CriterionGroup(group.connective(), criteria));
                groupFields.add("groups[%d].connective".formatted(g));
                rowFields.add(fields);
            }
        }
        Eligibility eligibility = new Eligibility(connective, ruleGroups);
        List<RuleProblem> problems = RuleValidator.validate(
                new PolicyRule(eligibility, List.of(new Tier(null, java.math.BigDecimal.ONE))));
        for (RuleProblem problem : problems) {
            String field = field(problem.path(), groupFields, rowFields);
            Object[] args = problem.args().toArray();
            if (field == null) {
                errors.reject(problem.messageKey(), args, null);
            }
            else {
                errors.rejectValue(field, problem.messageKey(), args, null);
            }
        }
        return problems.isEmpty() ? eligibility : null;
    }

    private static String field(String path, List<String> groupFields, List<List<String>> rowFields) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("groups\\[(\\d+)]\\.criteria\\[(\\d+)]")
                .matcher(path);
        if (row.matches()) {
            return rowFields.get(Integer.parseInt(row.group(1))).get(Integer.parseInt(row.group(2)));
        }
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("groups\\[(\\d+)]").matcher(path);
        if (group.matches()) {
            return groupFields.get(Integer.parseInt(group.group(1)));
        }
        return null;
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
