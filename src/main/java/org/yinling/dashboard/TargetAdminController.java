package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;

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
import org.yinling.region.Regions;

/** The administrator sets indicator targets per region with effective dates; history is kept. */
@Controller
@RequestMapping("/admin/targets")
class TargetAdminController {

    private final IndicatorTargets targets;
    private final TargetAdministration administration;
    private final Regions regions;
    private final Clock clock;
    private final IndicatorSettings settings;

    TargetAdminController(IndicatorTargets targets, TargetAdministration administration, Regions regions, Clock clock,
                          IndicatorSettings settings) {
        this.settings = settings;
        this.targets = targets;
        this.administration = administration;
        this.regions = regions;
        this.clock = clock;
    }

    @ModelAttribute("form")
    TargetForm form() {
        TargetForm form = new TargetForm();
        form.setEffectiveFrom(LocalDate.now(clock).withDayOfMonth(1));
        return form;
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") TargetForm form, BindingResult errors,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // add() adds the rules to Bean Validation's errors, so the user sees all problems at once
        if (administration.add(form, user, errors).isEmpty()) {
            return page(model);
        }
        redirect.addFlashAttribute("flashSuccess", "target.saved");
        return "redirect:/admin/targets";
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        boolean ended = administration.end(id);
        redirect.addFlashAttribute(ended ? "flashSuccess" : "flashError", ended ? "target.ended" : "target.notEnded");
        return "redirect:/admin/targets";
    }

    /** An indicator setting per region from a day (issue 21 §4). */
    @PostMapping("/settings")
    String setting(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String setting,
                   @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String regionCode,
                   @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String value,
                   @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String effectiveFrom,
                   @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String source,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String refusal = administration.setSetting(setting, regionCode, value, effectiveFrom, source, user);
        redirect.addFlashAttribute(refusal.isEmpty() ? "flashSuccess" : "flashError",
                refusal.isEmpty() ? "indicator.setting.saved" : refusal);
        return "redirect:/admin/targets#settings";
    }

    private String page(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("targets", targets.all());
        model.addAttribute("today", today);
        model.addAttribute("indicators", java.util.Arrays.stream(Indicator.values())
                .filter(i -> i.unit() != Indicator.Unit.MONEY).toList());
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("regionOptions", regions.all());
        model.addAttribute("settings", settings.all());
        model.addAttribute("settingChoices", java.util.Arrays.asList(IndicatorSettings.Setting.values()));
        return "dashboard/targets";
    }
}
