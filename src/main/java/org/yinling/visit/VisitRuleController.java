package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Operator;

/**
 * {@code /visits/rules}: who is on the roster (roster rules), their risk tier (tier rules) and how often each tier is
 * visited (frequencies), per region with effective dates; the criteria are edited with the subsidy policies' editor.
 */
@Controller
@RequestMapping("/visits/rules")
class VisitRuleController {

    static final String LIST_VIEW = "visits/rules";
    static final String FORM_VIEW = "visits/rule-form";

    private final VisitRules rules;
    private final VisitRoster roster;
    private final Clock clock;

    VisitRuleController(VisitRules rules, VisitRoster roster, Clock clock) {
        this.rules = rules;
        this.roster = roster;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("frequencyForm")) {
            model.addAttribute("frequencyForm", FrequencyForm.blank(defaultRegion(user), LocalDate.now(clock)));
        }
        return showList(user, model);
    }

    @PostMapping("/frequencies")
    String addFrequency(@Valid @ModelAttribute("frequencyForm") FrequencyForm form, BindingResult errors,
                        @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!rules.addFrequency(form, user, errors)) {
            return showList(user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.frequency.added");
        return "redirect:/visits/rules";
    }

    @PostMapping("/recompute")
    String recompute(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        VisitRosterStore.Changes changes = roster.recompute(VisitRules.district(user), user.getUsername());
        redirect.addFlashAttribute("flashSuccess", "visit.roster.recomputed");
        // flash attributes live in the session (stored in the database): plain numbers only
        redirect.addFlashAttribute("recomputedCounts", java.util.List.of(changes.added(), changes.left(),
                changes.changed()));
        return "redirect:/visits/rules";
    }

    @GetMapping("/roster/new")
    String newRosterRule(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", VisitRuleForm.blank(defaultRegion(user), LocalDate.now(clock), null));
        return showForm(null, false, user, model);
    }

    @GetMapping("/roster/{ruleId}")
    String editRosterRule(@PathVariable long ruleId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", VisitRuleForm.of(rules.rosterRule(ruleId, user)));
        return showForm(ruleId, false, user, model);
    }

    @PostMapping("/roster/new")
    String createRosterRule(@Valid @ModelAttribute("form") VisitRuleForm form, BindingResult errors,
                            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors() || !rules.saveRosterRule(null, form, user, errors)) {
            return showForm(null, false, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.rule.saved");
        return "redirect:/visits/rules";
    }

    @PostMapping("/roster/{ruleId}")
    String updateRosterRule(@PathVariable long ruleId, @Valid @ModelAttribute("form") VisitRuleForm form,
                            BindingResult errors, @AuthenticationPrincipal CurrentUser user, Model model,
                            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            rules.rosterRule(ruleId, user);
            return showForm(ruleId, false, user, model);
        }
        if (!rules.saveRosterRule(ruleId, form, user, errors)) {
            return showForm(ruleId, false, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.rule.saved");
        return "redirect:/visits/rules";
    }

    @GetMapping("/tiers/new")
    String newTierRule(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", VisitRuleForm.blank(defaultRegion(user), LocalDate.now(clock), RiskTier.HIGH));
        return showForm(null, true, user, model);
    }

    @GetMapping("/tiers/{ruleId}")
    String editTierRule(@PathVariable long ruleId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", VisitRuleForm.of(rules.tierRule(ruleId, user)));
        return showForm(ruleId, true, user, model);
    }

    @PostMapping("/tiers/new")
    String createTierRule(@Valid @ModelAttribute("form") VisitRuleForm form, BindingResult errors,
                          @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors() || !rules.saveTierRule(null, form, user, errors)) {
            return showForm(null, true, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.rule.saved");
        return "redirect:/visits/rules";
    }

    @PostMapping("/tiers/{ruleId}")
    String updateTierRule(@PathVariable long ruleId, @Valid @ModelAttribute("form") VisitRuleForm form,
                          BindingResult errors, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            rules.tierRule(ruleId, user);
            return showForm(ruleId, true, user, model);
        }
        if (!rules.saveTierRule(ruleId, form, user, errors)) {
            return showForm(ruleId, true, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.rule.saved");
        return "redirect:/visits/rules";
    }

    private String showList(CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("rosterRules", rules.rosterRules(user));
        model.addAttribute("tierRules", rules.tierRules(user));
        model.addAttribute("frequencies", rules.frequencies(user));
        model.addAttribute("today", today);
        model.addAttribute("mayChange", user.getRole() == Role.ADMIN || user.getRole() == Role.DISTRICT_STAFF);
        model.addAttribute("isAdmin", user.getRole() == Role.ADMIN);
        model.addAttribute("regions", user.getRole() == Role.ADMIN || user.getRole() == Role.DISTRICT_STAFF
                ? rules.ruleRegions(user) : java.util.List.of());
        model.addAttribute("tiers", Arrays.asList(RiskTier.values()));
        model.addAttribute("units", Arrays.asList(IntervalUnit.values()));
        return LIST_VIEW;
    }

    private String showForm(Long ruleId, boolean tierRule, CurrentUser user, Model model) {
        model.addAttribute("ruleId", ruleId);
        model.addAttribute("tierRule", tierRule);
        model.addAttribute("isAdmin", user.getRole() == Role.ADMIN);
        model.addAttribute("regions", rules.ruleRegions(user));
        model.addAttribute("ruleTiers", java.util.List.of(RiskTier.HIGH, RiskTier.MEDIUM));
        model.addAttribute("connectives", Arrays.asList(Connective.values()));
        model.addAttribute("attributes", Arrays.asList(Attribute.values()));
        model.addAttribute("operators", Arrays.asList(Operator.values()));
        model.addAttribute("choiceAttributes", Arrays.stream(Attribute.values())
                .filter(attribute -> !attribute.choices().isEmpty()).toList());
        return FORM_VIEW;
    }

    private static String defaultRegion(CurrentUser user) {
        return user.getRole() == Role.ADMIN ? "" : user.getRegionCode();
    }
}
