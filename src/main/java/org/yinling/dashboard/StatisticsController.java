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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.OfficialStatistics;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/**
 * Official statistics per region and year (户籍 population, 户籍 elders 60+ and 80+, source and date): read by whoever
 * reads the dashboard of the region, entered by district staff.
 */
@Controller
class StatisticsController {

    static final String VIEW = "dashboard/statistics";

    private final OfficialStatistics statistics;
    private final StatisticsEntry entry;
    private final Regions regions;
    private final Clock clock;

    StatisticsController(OfficialStatistics statistics, StatisticsEntry entry, Regions regions, Clock clock) {
        this.statistics = statistics;
        this.entry = entry;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/dashboard/statistics")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        StatisticsForm form = new StatisticsForm();
        form.setYear(LocalDate.now(clock).getYear() - 1);
        form.setRegionCode(user.getRegionCode());
        model.addAttribute("form", form);
        return page(user, model);
    }

    @PostMapping("/dashboard/statistics")
    String save(@Valid @ModelAttribute("form") StatisticsForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!entry.save(form, errors, user)) {
            return page(user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "statistics.saved");
        return "redirect:/dashboard/statistics";
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("rows", statistics.within(user.scope()));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("canEnter", user.hasRole(Role.DISTRICT_STAFF));
        java.util.List<org.yinling.region.RegionView> options = new java.util.ArrayList<>();
        for (RegionLevel level : new RegionLevel[] {RegionLevel.DISTRICT, RegionLevel.STREET}) {
            options.addAll(regions.within(user.scope(), level));
        }
        model.addAttribute("regionOptions", options);
        return VIEW;
    }
}
