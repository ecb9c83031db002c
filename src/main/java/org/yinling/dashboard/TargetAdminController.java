package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

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
import org.yinling.audit.AuditLog;
import org.yinling.region.Regions;

/** The administrator sets indicator targets per region with effective dates; history is kept. */
@Controller
@RequestMapping("/admin/targets")
class TargetAdminController {

    private final IndicatorTargets targets;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    TargetAdminController(IndicatorTargets targets, Regions regions, AuditLog audit, Optional<Clock> clock) {
        this.targets = targets;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
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
        String region = form.getRegionCode().isEmpty() ? null : form.getRegionCode();
        if (region != null && regions.find(region).isEmpty()) {
            errors.rejectValue("regionCode", "target.region.unknown");
        }
        if (form.getEffectiveFrom() != null && form.getEffectiveTo() != null
                && !form.getEffectiveTo().isAfter(form.getEffectiveFrom())) {
            errors.rejectValue("effectiveTo", "target.to.beforeFrom");
        }
        if (!errors.hasErrors() && targets.startTaken(form.getIndicator(), region, form.getEffectiveFrom())) {
            errors.rejectValue("effectiveFrom", "target.from.taken");
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        long id = targets.add(form.getIndicator(), region, form.storedTarget(), form.getEffectiveFrom(),
                form.getEffectiveTo(), form.getSource().isEmpty() ? null : form.getSource(), user.getUsername());
        audit.record("TARGET_SET", "indicator_target", id, Map.of("indicator", form.getIndicator().name(),
                "region", region == null ? "" : region, "target", form.storedTarget(), "from", form.getEffectiveFrom()));
        redirect.addFlashAttribute("flashSuccess", "target.saved");
        return "redirect:/admin/targets";
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        boolean ended = targets.end(id, LocalDate.now(clock));
        if (ended) {
            audit.record("TARGET_ENDED", "indicator_target", id, Map.of("on", LocalDate.now(clock)));
        }
        redirect.addFlashAttribute(ended ? "flashSuccess" : "flashError", ended ? "target.ended" : "target.notEnded");
        return "redirect:/admin/targets";
    }

    private String page(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("targets", targets.all());
        model.addAttribute("today", today);
        model.addAttribute("indicators", java.util.Arrays.stream(Indicator.values())
                .filter(i -> i.unit() != Indicator.Unit.MONEY).toList());
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("regionOptions", regions.all());
        return "dashboard/targets";
    }
}
