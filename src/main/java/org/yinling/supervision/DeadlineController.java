package org.yinling.supervision;

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
import org.yinling.account.Role;

/** {@code /supervision/deadlines}: the deadlines by severity in force for the user's region, their versions, and the district's new version. */
@Controller
@RequestMapping("/supervision/deadlines")
class DeadlineController {

    static final String VIEW = "supervision/deadlines";

    private final Deadlines deadlines;

    DeadlineController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        Deadlines.Page page = deadlines.page(user);
        model.addAttribute("form", deadlines.newForm(page));
        return render(page, user, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") Deadlines.Form form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // the rules are checked even after a binding error, so that every message shows at once
        if (!deadlines.create(form, user, errors)) {
            form.fill();
            return render(deadlines.page(user), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.deadlines.saved");
        return "redirect:/supervision/deadlines";
    }

    private String render(Deadlines.Page page, CurrentUser user, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("units", DeadlineRule.Unit.values());
        model.addAttribute("mayEdit", user.hasRole(Role.DISTRICT_STAFF));
        return VIEW;
    }
}
