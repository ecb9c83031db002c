package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** The coverage dashboard of the user's region, and of each region below it (drill-down). */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final DashboardCharts charts;
    private final StaffRecording staffing;
    private final Regions regions;
    private final Clock clock;

    DashboardController(DashboardService dashboards, DashboardCharts charts, StaffRecording staffing, Regions regions,
                        Clock clock) {
        this.dashboards = dashboards;
        this.charts = charts;
        this.staffing = staffing;
        this.regions = regions;
        this.clock = clock;
    }

    static String link(String regionCode) {
        return "/dashboard/regions/" + regionCode;
    }

    @GetMapping("/dashboard")
    String ownRegion(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return show(visibleRegion(user.getRegionCode(), user), user, model, locale);
    }

    @GetMapping("/dashboard/regions/{code}")
    String region(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return show(visibleRegion(code, user), user, model, locale);
    }

    /**
     * The district records the dedicated elder-care staff of its guidance centre, a street centre or a community
     * station (seed 002's staffing rule); back to the page whose staffing table lists the region.
     */
    @PostMapping("/dashboard/regions/{code}/staff")
    String recordStaff(@PathVariable String code, @RequestParam(defaultValue = "") String staff,
                       @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        RegionView street = visibleRegion(code, user);
        Integer count = parseStaff(staff);
        String back = "redirect:" + link(street.level() == RegionLevel.DISTRICT ? street.code() : street.parentCode())
                + "#staffing";
        if (count == null) {
            redirect.addFlashAttribute("flashError", "dashboard.staff.invalid");
            return back;
        }
        staffing.record(street, count, user.getUsername());
        redirect.addFlashAttribute("flashSuccess", "dashboard.staff.recorded");
        return back;
    }

    private String show(RegionView region, CurrentUser user, Model model, Locale locale) {
        Dashboard dashboard = dashboards.build(region, LocalDate.now(clock));
        // managers see counts of 1 to 4 people as "<5", and whatever else would give those away as "*"
        boolean manager = user.hasRole(Role.MANAGER);
        Disclosure disclosure = PageDisclosures.dashboard(dashboard, manager);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("fmt", new IndicatorFormat(new SmallCounts(manager, locale), disclosure, locale));
        model.addAttribute("charts", charts.all(dashboard, disclosure, locale));
        model.addAttribute("chartNames", charts);
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("canRecordStaff", user.hasRole(Role.DISTRICT_STAFF));
        model.addAttribute("regionPath", dashboard.path().stream().filter(r -> user.scope().contains(r.code())).toList());
        return "dashboard/index";
    }

    /** A region inside the user's own; anything else is not found (no hint that it exists). */
    private RegionView visibleRegion(String code, CurrentUser user) {
        return regions.find(code).filter(r -> user.scope().contains(r.code()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Integer parseStaff(String staff) {
        try {
            int count = Integer.parseInt(staff.trim());
            return count >= 0 && count <= 999 ? count : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
