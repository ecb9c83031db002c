package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.validation.Errors;

/**
 * The criteria of a rule as the shared editor (template fragment {@code fragments/criteria :: eligibilityCard}) sends
 * them: a connective and groups of criterion rows, blank rows ignored; a number (two for BETWEEN, a list for IN) or
 * choices encoded {@code ATTRIBUTE:VALUE}. {@link #check} turns them into {@link Eligibility}, rejecting each problem
 * of {@link RuleValidator} at its row. Used by forms nested in other forms (e.g. a meal category of a list).
 */
public record CriteriaForm(Connective connective, List<Group> groups) {

    /** The most choices a row may send (every attribute has fewer). */
    public static final int MAX_CHOICES = 20;

    /** One group of criterion rows. */
    public record Group(Connective connective, List<Row> criteria) {
        public Group {
            criteria = criteria == null ? List.of() : criteria.stream().map(r -> r == null ? Row.blank() : r).toList();
        }

        public static Group padded(Connective connective, List<Row> rows, int slots) {
            List<Row> all = new ArrayList<>(rows);
            while (all.size() < slots) {
                all.add(Row.blank());
            }
            return new Group(connective, all);
        }
    }

    /** One criterion row. */
    public record Row(Attribute attribute, Operator operator, String value, String value2, List<String> choices) {
        public Row {
            choices = choices == null ? List.of() : choices;
        }

        public static Row blank() {
            return new Row(null, null, "", "", List.of());
        }

        public static Row of(Criterion criterion) {
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

        /** The criterion this row describes (values as typed; {@link RuleValidator} checks them). */
        public Criterion toCriterion() {
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

    /** The form of {@code eligibility}, its groups padded to {@code groupSlots} of {@code rowSlots} rows. */
    public static CriteriaForm of(Eligibility eligibility, int groupSlots, int rowSlots) {
        List<Group> groups = new ArrayList<>();
        for (CriterionGroup group : eligibility.groups()) {
            groups.add(Group.padded(group.connective(), group.criteria().stream().map(Row::of).toList(), rowSlots));
        }
        while (groups.size() < groupSlots) {
            groups.add(Group.padded(Connective.AND, List.of(), rowSlots));
        }
        return new CriteriaForm(eligibility.connective() == null ? Connective.AND : eligibility.connective(), groups);
    }

    /** Whether no row names an attribute. */
    public boolean isBlank() {
        return groups == null || groups.stream().allMatch(g -> g.criteria().stream().allMatch(r -> r.attribute() == null));
    }

    /**
     * The criteria, checked by {@link RuleValidator}; problems are rejected at {@code path}'s rows (path: the prefix of
     * these fields in the form, e.g. {@code categories[0].}). Null when there were problems.
     */
    public Eligibility check(String path, int groupSlots, int rowSlots, Errors errors) {
        return check(path, groupSlots, rowSlots, false, errors);
    }

    /**
     * As {@link #check(String, int, int, Errors)}; with {@code emptyAllowed} no criteria at all is a rule too (it
     * matches every elder: e.g. the last meal category, "everyone else").
     */
    public Eligibility check(String path, int groupSlots, int rowSlots, boolean emptyAllowed, Errors errors) {
        if (connective == null) {
            errors.rejectValue(path + "connective", "NotNull");
            return null;
        }
        List<Group> all = groups == null ? List.of() : groups;
        if (all.size() > groupSlots) {
            errors.rejectValue(path + "connective", "policy.form.tooManyGroups", new Object[] {groupSlots}, null);
            return null;
        }
        List<CriterionGroup> ruleGroups = new ArrayList<>();
        List<String> groupFields = new ArrayList<>();
        List<List<String>> rowFields = new ArrayList<>();
        for (int g = 0; g < all.size(); g++) {
            Group group = all.get(g) == null ? new Group(Connective.AND, null) : all.get(g);
            if (group.criteria().size() > rowSlots) {
                errors.rejectValue(path + "groups[%d].connective".formatted(g), "policy.form.tooManyCriteria",
                        new Object[] {rowSlots}, null);
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
                    errors.rejectValue(path + "groups[%d].criteria[%d].value".formatted(g, c),
                            "policy.form.tooManyChoices", new Object[] {MAX_CHOICES}, null);
                    return null;
                }
                criteria.add(row.toCriterion());
                fields.add(path + "groups[%d].criteria[%d].value".formatted(g, c));
            }
            if (!criteria.isEmpty()) {
                ruleGroups.add(new CriterionGroup(group.connective(), criteria));
                groupFields.add(path + "groups[%d].connective".formatted(g));
                rowFields.add(fields);
            }
        }
        Eligibility eligibility = new Eligibility(connective, ruleGroups);
        List<RuleProblem> problems = new ArrayList<>(RuleValidator.validate(
                new PolicyRule(eligibility, List.of(new Tier(null, BigDecimal.ONE)))));
        if (emptyAllowed && ruleGroups.isEmpty()) {
            problems.removeIf(problem -> problem.messageKey().equals("subsidy.rule.noCriteria"));
        }
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
