package org.yinling.elder;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.Regions;
import org.yinling.system.TitledSheet;

/**
 * The due list of assessments (elders whose latest assessment runs out within 60 days, region-scoped, paged, as .xlsx)
 * and the district's assessment agencies.
 */
@Controller
class AssessmentDueController {

    static final String DUE_VIEW = "elders/assessments-due";
    static final String AGENCIES_VIEW = "elders/assessment-agencies";
    private static final String[] COLUMNS = {"elder.name", "elder.residentId", "elder.community",
            "assessment.level", "assessment.validUntil"};
    private static final int[] WIDTHS = {14, 22, 18, 16, 14};

    private final AssessmentAdministration administration;
    private final Regions regions;
    private final MessageSource messages;

    AssessmentDueController(AssessmentAdministration administration, Regions regions, MessageSource messages) {
        this.administration = administration;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/elders/assessments/due")
    String due(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        int p = org.yinling.system.Paging.page(page);
        model.addAttribute("due", administration.due(user, p));
        model.addAttribute("regionNames", regions.allNames());
        return DUE_VIEW;
    }

    @GetMapping("/elders/assessments/due.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        var names = regions.allNames();
        AssessmentAdministration.DuePage due = administration.dueAll(user);
        for (AssessmentGovernance.Due d : due.rows()) {
            rows.add(List.of(d.name(), ResidentId.mask(d.residentId()), names.getOrDefault(d.communityCode(), d.communityCode()),
                    d.level() < 0 ? "" : text(CapabilityLevel.fromCode(d.level()).messageKey(), locale),
                    d.validUntil().toString()));
        }
        // a title row (whose list, which days) over the column heads, as the project's other workbooks
        String title = messages.getMessage("sheets.assessmentsDue.title",
                new Object[] {user.getRegionName(), due.from().toString(), due.to().toString()}, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TitledSheet.of(title, Stream.of(COLUMNS).map(key -> text(key, locale)).toList(), WIDTHS)
                .write(out, text("assessment.due.sheet", locale), rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessments-due.xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(out.toByteArray());
    }

    @GetMapping("/elders/assessment-agencies")
    String agencies(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("agencies", administration.agencies(user));
        model.addAttribute("validities", administration.validities(user));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("canAdd", user.hasRole(Role.DISTRICT_STAFF));
        return AGENCIES_VIEW;
    }

    @PostMapping("/elders/assessment-agencies")
    String addAgency(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
        String refusal = administration.addAgency(name, user);
        if (refusal.isEmpty()) {
            redirect.addFlashAttribute("flashSuccess", "assessment.agency.added");
        } else {
            redirect.addFlashAttribute("flashError", refusal);
        }
        return "redirect:/elders/assessment-agencies";
    }

    /** The district's validity of assessments from a day on (months). */
    @PostMapping("/elders/assessment-validity")
    String addValidity(@RequestParam(defaultValue = "") String months, @RequestParam(defaultValue = "") String from,
                       @RequestParam(defaultValue = "") String source, @AuthenticationPrincipal CurrentUser user,
                       RedirectAttributes redirect) {
        String refusal = administration.addValidity(months, from, source, user);
        if (refusal.isEmpty()) {
            redirect.addFlashAttribute("flashSuccess", "assessment.validity.added");
        } else {
            redirect.addFlashAttribute("flashError", refusal);
        }
        return "redirect:/elders/assessment-agencies#validity";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
