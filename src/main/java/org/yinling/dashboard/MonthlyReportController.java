package org.yinling.dashboard;

import java.io.IOException;
import java.time.YearMonth;
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
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.RequestDates;
import org.yinling.system.Uploads;

/** The monthly report of a region inside the user's own: a printable page and the same as .xlsx. */
@Controller
class MonthlyReportController {

    private final MonthlyReports reports;
    private final MonthlyReportWorkbook workbook;
    private final DashboardCharts names;
    private final Regions regions;
    private final MonthlyReportExports exports;

    MonthlyReportController(MonthlyReports reports, MonthlyReportWorkbook workbook, DashboardCharts names,
                            Regions regions, MonthlyReportExports exports) {
        this.reports = reports;
        this.workbook = workbook;
        this.names = names;
        this.regions = regions;
        this.exports = exports;
    }

    @GetMapping("/reports/monthly")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        MonthlyReport report = reports.build(visibleRegion(region, user), month(month));
        model.addAttribute("report", report);
        model.addAttribute("fmt", format(report, user, locale));
        model.addAttribute("names", names);
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("currentMonth", reports.currentMonth());
        return "dashboard/monthly";
    }

    @GetMapping("/reports/monthly.xlsx")
    void xlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
              @AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
        MonthlyReport report = reports.build(visibleRegion(region, user), month(month));
        exports.exported(report);
        Uploads.xlsxAttachment(response, "monthly-report-" + report.region().code() + "-" + report.month() + ".xlsx");
        workbook.write(report, format(report, user, locale), seesCertificates(user), locale,
                response.getOutputStream());
    }

    /** The page, its print and the .xlsx hide the same cells: counts of 1 to 4 people and what gives them away. */
    private static IndicatorFormat format(MonthlyReport report, CurrentUser user, Locale locale) {
        boolean manager = user.hasRole(Role.MANAGER);
        return new IndicatorFormat(new SmallCounts(manager, locale), PageDisclosures.report(report, manager), locale);
    }

    /** The roles the page shows the certificates and star grades to (supervision/fragments :: dashboardCard). */
    private static boolean seesCertificates(CurrentUser user) {
        return user.hasRole(Role.DISTRICT_STAFF) || user.hasRole(Role.STREET_REVIEWER) || user.hasRole(Role.MANAGER);
    }

    private RegionView visibleRegion(String code, CurrentUser user) {
        String wanted = code == null || code.isBlank() ? user.getRegionCode() : code.strip();
        return regions.find(wanted).filter(r -> user.scope().contains(r.code()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The month asked for; the current month when none or an unreadable one is given, and never a future one. */
    private YearMonth month(String month) {
        YearMonth current = reports.currentMonth();
        // yyyy-MM only: YearMonth.parse also takes -999999999-01, which the report's date arithmetic refuses
        YearMonth asked = RequestDates.month(month).orElse(current);
        return asked.isAfter(current) ? current : asked;
    }
}
