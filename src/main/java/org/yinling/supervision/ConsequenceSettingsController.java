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

/**
 * {@code /supervision/settings}: the consequences of an open red finding in the user's region (withheld operating
 * subsidy, paused admissions), the versions with their dates, and the district's new version.
 */
@Controller
@RequestMapping("/supervision/settings")
class ConsequenceSettingsController {

    static final String VIEW = "supervision/settings";

    private final Consequences consequences;

    ConsequenceSettingsController(Consequences consequences) {
        this.consequences = consequences;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        Consequences.Page page = consequences.page(user);
        model.addAttribute("form", consequences.newForm(page));
        return render(page, user, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") Consequences.Form form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!consequences.create(form, user, errors)) {
            return render(consequences.page(user), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.settings.saved");
        return "redirect:/supervision/settings";
    }

    private String render(Consequences.Page page, CurrentUser user, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("pauses", AdmissionPause.values());
        model.addAttribute("mayEdit", user.hasRole(Role.DISTRICT_STAFF));
        return VIEW;
    }
}
