package org.yinling.supervision;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.Paging;

/** {@code /supervision/incidents}: the region's incidents (unreviewed first), reporting one, the district's review. */
@Controller
@RequestMapping("/supervision/incidents")
class IncidentController {

    static final String LIST_VIEW = "supervision/incidents";
    static final String VIEW = "supervision/incident";
    static final int PAGE_SIZE = 50;

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new IncidentForm());
        }
        return showList(page, user, model);
    }

    @PostMapping
    String report(@ModelAttribute("form") IncidentForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Long id = errors.hasErrors() ? null : incidents.report(form, user, errors);
        if (id == null) {
            return showList(null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.incident.reported");
        return "redirect:/supervision/incidents/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("incident", incidents.incident(id, user));
        model.addAttribute("mayReview", user.getRole() == Role.DISTRICT_STAFF);
        return VIEW;
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String review,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String error = incidents.review(id, review, user);
        redirect.addFlashAttribute(error == null ? "flashSuccess" : "flashError",
                error == null ? "supervision.incident.reviewedDone" : error);
        return "redirect:/supervision/incidents/" + id;
    }

    private String showList(Integer page, CurrentUser user, Model model) {
        model.addAttribute("incidents", incidents.list(Paging.of(page, PAGE_SIZE), user));
        model.addAttribute("institutions", incidents.institutions(user));
        model.addAttribute("kinds", IncidentKind.values());
        // staff report for an institution of their region, an institution's manager for their own
        model.addAttribute("mayReport", InspectionController.mayInspect(user) || user.getRole() == Role.INSTITUTION_MANAGER);
        return LIST_VIEW;
    }
}
