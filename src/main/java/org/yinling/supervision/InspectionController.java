package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;

/**
 * {@code /supervision/inspections}: the year's plan of the user's region, starting an inspection, and the inspection
 * form (one column, for a phone or tablet) with a result per checklist item and the two signatures by name.
 */
@Controller
@RequestMapping("/supervision/inspections")
class InspectionController {

    static final String LIST_VIEW = "supervision/inspections";
    static final String VIEW = "supervision/inspection";

    private final Inspections inspections;
    private final Clock clock;

    InspectionController(Inspections inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @GetMapping
    String plan(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CurrentUser user, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int shown = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        List<SupervisionStore.PlanRow> plan = inspections.plan(shown, user);
        model.addAttribute("year", shown);
        model.addAttribute("years", List.of(thisYear - 2, thisYear - 1, thisYear));
        model.addAttribute("plan", plan);
        model.addAttribute("notInspected", plan.stream().filter(row -> row.inspections() == 0).count());
        model.addAttribute("recent", inspections.recent(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayInspect", mayInspect(user));
        return LIST_VIEW;
    }

    @PostMapping
    String start(@RequestParam long institutionId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Inspections.Started started = inspections.start(institutionId, inspectedOn, user);
        if (started.id() == null) {
            redirect.addFlashAttribute("flashError", started.error());
            return "redirect:/supervision/inspections";
        }
        return "redirect:/supervision/inspections/" + started.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SupervisionStore.Inspection inspection = inspections.inspection(id, user);
        Map<String, String> values = new HashMap<>();
        if (inspection.open()) {
            values.put("inspectorName", user.getDisplayName());
        }
        else {
            for (SupervisionStore.Result result : inspections.results(inspection)) {
                values.put("outcome_" + result.itemId(), result.outcome().name());
                values.put("note_" + result.itemId(), result.note());
            }
        }
        return render(inspection, values, Map.of(), user, model);
    }

    @PostMapping("/{id}")
    String submit(@PathVariable long id, @RequestParam Map<String, String> values,
                  @RequestParam Map<String, MultipartFile> photos,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = inspections.submit(id, values, photos, user);
        if (!errors.isEmpty()) {
            return render(inspections.inspection(id, user), values, errors, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.inspection.submitted");
        return "redirect:/supervision/inspections/" + id;
    }

    private String render(SupervisionStore.Inspection inspection, Map<String, String> values, Map<String, String> errors,
                          CurrentUser user, Model model) {
        List<ChecklistItem> items = inspections.items(inspection);
        model.addAttribute("inspection", inspection);
        model.addAttribute("items", items);
        model.addAttribute("groups", ChecklistItem.byArea(items));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("editable", inspection.open() && mayInspect(user));
        model.addAttribute("findings", inspection.open() ? List.of() : inspections.findings(inspection));
        model.addAttribute("photos", inspection.open() ? Map.of() : inspections.photos(inspection));
        model.addAttribute("held", model.getAttribute("editable") == Boolean.TRUE ? inspections.held(inspection, user) : Map.of());
        model.addAttribute("maxMegabytes", EvidenceFiles.MAX_MEGABYTES);
        model.addAttribute("itemsById", items.stream().collect(Collectors.toMap(ChecklistItem::id, Function.identity())));
        return VIEW;
    }

    static boolean mayInspect(CurrentUser user) {
        return user.getRole() == Role.DISTRICT_STAFF || user.getRole() == Role.STREET_REVIEWER;
    }
}
