package org.yinling.subsidy;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yinling.account.CurrentUser;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.system.Uploads;

/**
 * Policy simulation: pick a policy in force, change its rule in the policy form's rule fields, see per street what
 * would change. Only the rule part of {@link PolicyForm} is posted and checked; nothing is saved.
 */
@Controller
@RequestMapping("/subsidies/simulation")
class PolicySimulationController {

    static final String LIST_VIEW = "subsidies/simulation/list";
    static final String FORM_VIEW = "subsidies/simulation/form";

    private final PolicySimulation simulation;
    private final RuleSummary summary;
    private final SimulationWorkbook workbook;
    private final Regions regions;
    private final Clock clock;

    PolicySimulationController(PolicySimulation simulation, RuleSummary summary, SimulationWorkbook workbook,
                               Regions regions, Clock clock) {
        this.summary = summary;
        this.workbook = workbook;
        this.clock = clock;
        this.simulation = simulation;
        this.regions = regions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("policies", simulation.inForce(user, LocalDate.now(clock)));
        model.addAttribute("regionNames", regions.allNames());
        return LIST_VIEW;
    }

    /** The form, pre-filled with the rule in force. */
    @GetMapping("/{id}")
    String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Policy policy = simulation.load(id, user, LocalDate.now(clock));
        return show(PolicyForm.of(policy), policy, null, model);
    }

    /** Runs the simulation (POST for the size of the form; it changes nothing). */
    @PostMapping("/{id}")
    String simulate(@PathVariable long id, @ModelAttribute("form") PolicyForm form, BindingResult errors,
                    @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        Policy policy = simulation.load(id, user, today);
        PolicyRule changed = form.checkedRule(errors);
        PolicySimulationResult result = errors.hasErrors() ? null : simulation.simulate(policy, changed, user, today);
        if (result != null) {
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute("ruleNow", summary.full(policy.rule(), locale));
            model.addAttribute("ruleChanged", summary.full(changed, locale));
        }
        return show(form, policy, result, model);
    }

    /** The same simulation as .xlsx (the form posted to it); the form again, with its errors, when it has some. */
    @PostMapping("/{id}/export")
    String export(@PathVariable long id, @ModelAttribute("form") PolicyForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response)
            throws IOException {
        LocalDate today = LocalDate.now(clock);
        Policy policy = simulation.load(id, user, today);
        PolicyRule changed = form.checkedRule(errors);
        if (errors.hasErrors()) {
            return show(form, policy, null, model);
        }
        PolicySimulationResult result = simulation.simulate(policy, changed, user, today);
        Locale locale = LocaleContextHolder.getLocale();
        Uploads.xlsxAttachment(response, workbook.fileName(policy, today, locale));
        workbook.write(policy, result, regions.allNames(), summary.full(policy.rule(), locale),
                summary.full(changed, locale), locale, response.getOutputStream());
        return null;
    }

    private String show(PolicyForm form, Policy policy, PolicySimulationResult result, Model model) {
        // the bound form itself: replacing it with another object would drop its errors
        model.addAttribute("form", form);
        model.addAttribute("policy", policy);
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regions.allNames());
        return FORM_VIEW;
    }
}
