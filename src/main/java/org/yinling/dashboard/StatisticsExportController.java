package org.yinling.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.Uploads;

/**
 * The monthly statistics export as a page and as .xlsx (issue 22 §4): a region inside the user's own, a month (the
 * last whole month by default) and a layout version (the newest by default). A region outside the user's is not
 * found; a month that cannot be read, or lies ahead, or a layout not published is said on the page, which then shows
 * the default.
 */
@Controller
class StatisticsExportController {

    static final String VIEW = "reports/statistics";

    private final StatisticsExport export;
    private final StatisticsLayouts layouts;
    private final StatisticsWorkbook workbook;
    private final Regions regions;

    StatisticsExportController(StatisticsExport export, StatisticsLayouts layouts, StatisticsWorkbook workbook,
                               Regions regions) {
        this.export = export;
        this.layouts = layouts;
        this.workbook = workbook;
        this.regions = regions;
    }

    @GetMapping("/reports/statistics")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                @RequestParam(required = false) String layout, @AuthenticationPrincipal CurrentUser user,
                Model model, Locale locale) {
        StatisticsExport.Request request = request(region, month, layout, user);
        if (request.refused()) {
            model.addAttribute("problem", "statistics.problem." + request.refusal().name());
            // an unknown layout keeps the month asked for; a month that cannot be shown falls back to the default
            String keptMonth = request.refusal() == StatisticsExport.Refusal.LAYOUT_UNKNOWN ? month : null;
            request = export.read(request.region().code(), keptMonth, null, user.scope(), user.getRegionCode(),
                    export.lastMonth());
        }
        MonthStatistics figures = export.month(request.region(), request.month());
        model.addAttribute("figures", figures);
        model.addAttribute("layout", request.layout());
        model.addAttribute("rows", StatisticsRows.of(request.layout(), figures, manager(user), locale));
        model.addAttribute("layouts", layouts.all());
        model.addAttribute("regionOptions", regionOptions(user));
        model.addAttribute("currentMonth", export.currentMonth());
        return VIEW;
    }

    @GetMapping("/reports/statistics.xlsx")
    void xlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
              @RequestParam(required = false) String layout, @AuthenticationPrincipal CurrentUser user, Locale locale,
              HttpServletResponse response) throws IOException {
        StatisticsExport.Request request = request(region, month, layout, user);
        if (request.refused()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        MonthStatistics figures = export.month(request.region(), request.month());
        export.exported(figures, request.layout());
        Uploads.xlsxAttachment(response, "statistics-" + figures.region().code() + "-" + figures.month()
                + "-v" + request.layout().version() + ".xlsx");
        workbook.write(figures, request.layout(), StatisticsRows.of(request.layout(), figures, manager(user), locale),
                locale, response.getOutputStream());
    }

    /** The request read; a region outside the user's (or none such) is not found, as on the monthly report. */
    private StatisticsExport.Request request(String region, String month, String layout, CurrentUser user) {
        StatisticsExport.Request request = export.read(region, month, layout, user.scope(), user.getRegionCode(),
                export.lastMonth());
        if (request.refusal() == StatisticsExport.Refusal.REGION_NOT_FOUND
                || request.refusal() == StatisticsExport.Refusal.REGION_MALFORMED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return request;
    }

    private static boolean manager(CurrentUser user) {
        return user.hasRole(Role.MANAGER);
    }

    /** The user's region and every street and community inside it, in tree order. */
    private List<RegionView> regionOptions(CurrentUser user) {
        List<RegionView> options = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            options.addAll(regions.within(user.scope(), level));
        }
        options.sort(java.util.Comparator.comparing(RegionView::code));
        return options;
    }
}
