package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** {@code /home-care/settings}: the settings per region with their effective dates. */
@Controller
@RequestMapping("/home-care/settings")
class SettingsController {

    private final HomeCareSettings settings;
    private final Regions regions;
    private final Clock clock;

    SettingsController(HomeCareSettings settings, Regions regions, Clock clock) {
        this.settings = settings;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SettingForm.blank(user.getRegionCode(), LocalDate.now(clock)));
        }
        return show(user, model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") SettingForm form, BindingResult errors,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!settings.add(form, user, errors)) {
            return show(user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.settings.added");
        return "redirect:/home-care/settings";
    }

    private String show(CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<HomeCareSetting> rows = settings.rows(user);
        model.addAttribute("rows", rows);
        model.addAttribute("today", today);
        // the row of each region in force today: the latest that has started
        List<Long> inForce = new ArrayList<>();
        rows.stream().filter(r -> !r.effectiveFrom().isAfter(today))
                .collect(java.util.stream.Collectors.toMap(r -> String.valueOf(r.regionCode()), r -> r,
                        (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b))
                .values().forEach(r -> inForce.add(r.id()));
        model.addAttribute("inForce", inForce);
        String district = user.getRegionCode().substring(0, 6) + "000000";
        List<RegionView> choices = new ArrayList<>();
        regions.find(district).filter(r -> user.scope().contains(r.code())).ifPresent(choices::add);
        RegionScope scope = user.scope();
        choices.addAll(regions.within(scope, RegionLevel.STREET));
        choices.addAll(regions.within(scope, RegionLevel.COMMUNITY));
        model.addAttribute("regionChoices", choices);
        model.addAttribute("regionNames", regions.allNames());
        return "homecare/settings";
    }
}
