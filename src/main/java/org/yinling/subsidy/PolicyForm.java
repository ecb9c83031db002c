package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.CriteriaForm;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleProblem;
import org.yinling.subsidy.rule.RuleValidator;
import org.yinling.subsidy.rule.Tier;

/**
 * The create/edit form of a policy version. The rule is edited in fixed slots (groups of criterion rows, tier rows);
 * blank rows are ignored. A criterion row holds a number (and a second one for BETWEEN; IN takes comma-separated
 * numbers) or, for yes/no and choice attributes, choices encoded {@code ATTRIBUTE:VALUE}. Amounts and values are
 * text so that anything typed comes back to the form with a message of the rule validator.
 */
public record PolicyForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,29}", message = "{policy.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull PolicyKind kind,
        @NotBlank String regionCode,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
        @NotNull Frequency frequency,
        Boolean automatic,
        @NotNull @Min(0) @Max(24) Integer backPayMonths,
        @Size(max = 1000) String notes,
        Connective connective,
        List<GroupForm> groups,
        String amountMode,
        String fixedAmount,
        List<TierForm> tiers,
        PolicyDelivery delivery,
        BigDecimal governmentShare,
        Boolean budgetCarryOver,
        Long lockVersion,
        Boolean chainShown,
        Boolean streetReview,
        Boolean districtReview,
        Boolean publicity,
        String publicityDays) {

    static final int GROUP_SLOTS = 3;
    static final int ROW_SLOTS = 4;
    static final int TIER_SLOTS = 5;
    static final String FIXED = "FIXED";
    static final String TIERS = "TIERS";

    /** Missing slots (rows a request did not send) are blank, so that every slot can be shown again. */
    public PolicyForm {
        groups = padGroups(groups == null ? List.of() : groups);
        tiers = padTiers(tiers == null ? List.of() : tiers);
        delivery = delivery == null ? PolicyDelivery.CASH : delivery;
    }

    /** The government's shares a service budget may have: 全额 and 半额. */
    static final List<BigDecimal> SHARES = List.of(Policy.FULL_SHARE, Policy.HALF_SHARE);

    Boolean budgetCarryOverOrFalse() {
        return Boolean.TRUE.equals(budgetCarryOver);
    }

    /**
     * Checks the delivery: a service budget needs the government's share (全额 or 半额) and is monthly; a cash policy
     * has neither a share nor a carry-over.
     */
    void checkDelivery(Errors errors) {
        if (delivery == PolicyDelivery.SERVICE_BUDGET) {
            if (governmentShare == null) {
                errors.rejectValue("governmentShare", "policy.governmentShare.required");
            }
            else if (SHARES.stream().noneMatch(share -> share.compareTo(governmentShare) == 0)) {
                errors.rejectValue("governmentShare", "policy.governmentShare.invalid");
            }
            if (frequency == Frequency.ONE_TIME) {
                errors.rejectValue("frequency", "policy.delivery.monthlyOnly");
            }
        }
        else {
            if (governmentShare != null) {
                errors.rejectValue("governmentShare", "policy.governmentShare.cash");
            }
            if (budgetCarryOverOrFalse()) {
                errors.rejectValue("budgetCarryOver", "policy.budgetCarryOver.cash");
            }
        }
    }

    /** The share as stored (two decimals), or null for cash. */
    BigDecimal shareOrNull() {
        if (delivery != PolicyDelivery.SERVICE_BUDGET || governmentShare == null) {
            return null;
        }
        return SHARES.stream().filter(share -> share.compareTo(governmentShare) == 0).findFirst().orElse(null);
    }

    /** One group of criteria in the form. */
    public record GroupForm(Connective connective, List<CriterionForm> criteria) {
        public GroupForm {
            List<CriterionForm> rows = new ArrayList<>();
            if (criteria != null) {
                criteria.forEach(row -> rows.add(row == null ? CriterionForm.blank() : row));
            }
            while (rows.size() < ROW_SLOTS) {
                rows.add(CriterionForm.blank());
            }
            criteria = rows;
        }
    }

    /** One criterion row: attribute, operator, and its value(s). */
    public record CriterionForm(Attribute attribute, Operator operator, String value, String value2,
                                List<String> choices) {
        public CriterionForm {
            choices = choices == null ? List.of() : choices;
        }

        static CriterionForm blank() {
            return new CriterionForm(null, null, "", "", List.of());
        }

        boolean isBlank() {
            return attribute == null;
        }

        static CriterionForm of(Criterion criterion) {
            if (criterion == null) {
                return blank();
            }
            CriteriaForm.Row row = CriteriaForm.Row.of(criterion);
            return new CriterionForm(row.attribute(), row.operator(), row.value(), row.value2(), row.choices());
        }

        /** The criterion this row describes (values as typed; the rule validator checks them), as the shared editor reads it. */
        Criterion toCriterion() {
            return new CriteriaForm.Row(attribute, operator, value, value2, choices).toCriterion();
        }
    }

    /** One tier row: an optional condition and an amount. */
    public record TierForm(Attribute attribute, Operator operator, String value, String value2, List<String> choices,
                           String amount) {
        public TierForm {
            choices = choices == null ? List.of() : choices;
        }

        static TierForm of(Tier tier) {
            CriterionForm condition = CriterionForm.of(tier.condition());
            return new TierForm(condition.attribute(), condition.operator(), condition.value(), condition.value2(),
                    condition.choices(), tier.amount().toPlainString());
        }

        static TierForm blank() {
            return new TierForm(null, null, "", "", List.of(), "");
        }

        boolean isBlank() {
            return attribute == null && trim(amount).isEmpty();
        }

        CriterionForm condition() {
            return new CriterionForm(attribute, operator, value, value2, choices);
        }
    }

    Boolean automaticOrFalse() {
        return Boolean.TRUE.equals(automatic);
    }

    static PolicyForm blank(String regionCode, LocalDate today) {
        return new PolicyForm("", "", PolicyKind.AGE_ALLOWANCE, regionCode, today, null, Frequency.MONTHLY,
                false, 0, "", Connective.AND, List.of(), FIXED, "", List.of(), PolicyDelivery.CASH, null, false, null,
                true, true, true, true, null);
    }

    /**
     * The review chain the form chose. A request without the chain's fields ({@code chainShown} absent: a client that
     * predates issue 21) keeps the full chain; on the page an unticked box sends nothing, so ticked means true.
     */
    ReviewChain chain() {
        if (!Boolean.TRUE.equals(chainShown)) {
            return ReviewChain.FULL;
        }
        boolean withPublicity = Boolean.TRUE.equals(publicity);
        return new ReviewChain(Boolean.TRUE.equals(streetReview), Boolean.TRUE.equals(districtReview), withPublicity,
                withPublicity ? publicityDaysOrNull() : null);
    }

    /** The publicity days typed (text, so that anything typed comes back with a message), or null when blank/bad. */
    Integer publicityDaysOrNull() {
        String typed = trim(publicityDays);
        if (!typed.matches("[0-9]{1,3}")) {
            return null;
        }
        int days = Integer.parseInt(typed);
        return days >= 1 && days <= ReviewChain.MAX_PUBLICITY_DAYS ? days : null;
    }

    /**
     * Checks the chain: at least one of the two reviews decides (community acceptance alone grants nothing), and a
     * publicity length only with publicity.
     */
    void checkChain(Errors errors) {
        if (!Boolean.TRUE.equals(chainShown)) {
            return;
        }
        if (!Boolean.TRUE.equals(streetReview) && !Boolean.TRUE.equals(districtReview)) {
            errors.rejectValue("streetReview", "policy.chain.noDecision");
        }
        if (trim(publicityDays).isEmpty()) {
            return;
        }
        if (!Boolean.TRUE.equals(publicity)) {
            errors.rejectValue("publicityDays", "policy.chain.daysWithoutPublicity");
        }
        else if (publicityDaysOrNull() == null) {
            errors.rejectValue("publicityDays", "policy.chain.publicityDays.invalid",
                    new Object[] {ReviewChain.MAX_PUBLICITY_DAYS}, null);
        }
    }

    static PolicyForm of(Policy policy) {
        PolicyRule rule = policy.rule();
        List<GroupForm> groups = new ArrayList<>();
        for (CriterionGroup group : rule.eligibility().groups()) {
            List<CriterionForm> rows = new ArrayList<>(group.criteria().stream().map(CriterionForm::of).toList());
            groups.add(new GroupForm(group.connective(), rows));
        }
        boolean fixed = rule.fixedAmount();
        List<TierForm> tiers = new ArrayList<>(fixed ? List.of() : rule.tiers().stream().map(TierForm::of).toList());
        return new PolicyForm(policy.code(), policy.name(), policy.kind(), policy.regionCode(), policy.effectiveFrom(),
                policy.effectiveTo(), policy.frequency(), policy.automatic(), policy.backPayMonths(), policy.notes(),
                rule.eligibility().connective(), groups, fixed ? FIXED : TIERS,
                fixed ? rule.tiers().get(0).amount().toPlainString() : "", tiers, policy.delivery(),
                policy.governmentShare(), policy.budgetCarryOver(), policy.lockVersion(), true,
                policy.chain().streetReview(), policy.chain().districtReview(), policy.chain().publicity(),
                policy.chain().publicityDays() == null ? "" : policy.chain().publicityDays().toString());
    }

    private static List<GroupForm> padGroups(List<GroupForm> groups) {
        List<GroupForm> result = new ArrayList<>();
        for (GroupForm group : groups) {
            result.add(group == null ? new GroupForm(Connective.AND, null) : group);
        }
        while (result.size() < GROUP_SLOTS) {
            result.add(new GroupForm(Connective.AND, null));
        }
        return result;
    }

    private static List<TierForm> padTiers(List<TierForm> tiers) {
        List<TierForm> result = new ArrayList<>();
        tiers.forEach(tier -> result.add(tier == null ? TierForm.blank() : tier));
        while (result.size() < TIER_SLOTS) {
            result.add(TierForm.blank());
        }
        return result;
    }

    /**
     * The rule the form describes, and where each part of it came from: rule paths as {@link
     * org.yinling.subsidy.rule.RuleProblem#path()} names them, mapped to form field paths.
     */
    Conversion toRule() {
        Map<String, String> fields = new LinkedHashMap<>();
        List<CriterionGroup> ruleGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            GroupForm group = groups.get(g);
            if (group == null) {
                continue;
            }
            List<Criterion> criteria = new ArrayList<>();
            for (int c = 0; c < group.criteria().size(); c++) {
                CriterionForm row = group.criteria().get(c);
                if (row == null || row.isBlank()) {
                    continue;
                }
                fields.put("groups[%d].criteria[%d]".formatted(ruleGroups.size(), criteria.size()),
                        "groups[%d].criteria[%d].value".formatted(g, c));
                criteria.add(row.toCriterion());
            }
            if (!criteria.isEmpty()) {
                fields.put("groups[%d]".formatted(ruleGroups.size()), "groups[%d].connective".formatted(g));
                ruleGroups.add(new CriterionGroup(group.connective(), criteria));
            }
        }
        List<Tier> ruleTiers = new ArrayList<>();
        if (TIERS.equals(amountMode)) {
            for (int t = 0; t < tiers.size(); t++) {
                TierForm row = tiers.get(t);
                if (row == null || row.isBlank()) {
                    continue;
                }
                fields.put("tiers[%d]".formatted(ruleTiers.size()), "tiers[%d]".formatted(t));
                ruleTiers.add(new Tier(row.attribute() == null ? null : row.condition().toCriterion(),
                        amount(row.amount())));
            }
        }
        else {
            fields.put("tiers[0]", "fixedAmount");
            ruleTiers.add(new Tier(null, amount(fixedAmount)));
        }
        return new Conversion(new PolicyRule(new Eligibility(connective, ruleGroups), ruleTiers), fields);
    }

    /**
     * The rule the form describes, checked by {@link RuleValidator}: its problems are rejected at the fields they
     * belong to (in the user's language, through the message keys). The rule, or null when there were problems.
     */
    PolicyRule checkedRule(Errors errors) {
        if (connective == null) {
            errors.rejectValue("connective", "NotNull");
        }
        if (!withinSlots(errors)) {
            return null;
        }
        Conversion conversion = toRule();
        List<RuleProblem> problems = RuleValidator.validate(conversion.rule());
        for (RuleProblem problem : problems) {
            String field = field(problem, conversion.fields());
            Object[] args = problem.args().toArray();
            if (field == null) {
                errors.reject(problem.messageKey(), args, null);
            }
            else {
                errors.rejectValue(field, problem.messageKey(), args, null);
            }
        }
        return connective == null || !problems.isEmpty() ? null : conversion.rule();
    }

    /** The most choices a criterion row may send (every attribute has fewer). */
    static final int MAX_CHOICES = 20;

    /**
     * Whether the request stayed inside the form's slots: the page offers {@value #GROUP_SLOTS} groups of
     * {@value #ROW_SLOTS} criteria and {@value #TIER_SLOTS} tiers, so more is a crafted request (penetration test L2),
     * refused with a message at the list it overfilled.
     */
    boolean withinSlots(Errors errors) {
        boolean within = true;
        if (groups.size() > GROUP_SLOTS) {
            errors.rejectValue("connective", "policy.form.tooManyGroups", new Object[] {GROUP_SLOTS}, null);
            within = false;
        }
        for (int g = 0; g < Math.min(groups.size(), GROUP_SLOTS); g++) {
            GroupForm group = groups.get(g);
            if (group.criteria().size() > ROW_SLOTS) {
                errors.rejectValue("groups[%d].connective".formatted(g), "policy.form.tooManyCriteria",
                        new Object[] {ROW_SLOTS}, null);
                within = false;
            }
            for (int c = 0; c < Math.min(group.criteria().size(), ROW_SLOTS); c++) {
                if (group.criteria().get(c).choices().size() > MAX_CHOICES) {
                    errors.rejectValue("groups[%d].criteria[%d].value".formatted(g, c), "policy.form.tooManyChoices",
                            new Object[] {MAX_CHOICES}, null);
                    within = false;
                }
            }
        }
        if (tiers.size() > TIER_SLOTS) {
            errors.rejectValue("fixedAmount", "policy.form.tooManyTiers", new Object[] {TIER_SLOTS}, null);
            within = false;
        }
        for (int t = 0; t < Math.min(tiers.size(), TIER_SLOTS); t++) {
            if (tiers.get(t).choices().size() > MAX_CHOICES) {
                errors.rejectValue("tiers[%d].value".formatted(t), "policy.form.tooManyChoices",
                        new Object[] {MAX_CHOICES}, null);
                within = false;
            }
        }
        return within;
    }

    /** The form field a problem belongs to, or null for the whole rule. */
    static String field(RuleProblem problem, Map<String, String> fields) {
        String mapped = fields.get(problem.path());
        if (mapped == null) {
            return problem.messageKey().equals("subsidy.rule.noTiers") ? "fixedAmount" : null;
        }
        if (problem.path().startsWith("tiers[") && !mapped.equals("fixedAmount")) {
            return mapped + (problem.messageKey().equals("subsidy.rule.amountInvalid")
                    || problem.messageKey().equals("subsidy.rule.unconditionalTierNotLast") ? ".amount" : ".value");
        }
        return mapped;
    }

    /** A typed amount, or null when it is no number (the validator then says what an amount must be). */
    private static BigDecimal amount(String text) {
        String trimmed = trim(text);
        if (!trimmed.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            return null;
        }
        return new BigDecimal(trimmed);
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    record Conversion(PolicyRule rule, Map<String, String> fields) {
    }
}
