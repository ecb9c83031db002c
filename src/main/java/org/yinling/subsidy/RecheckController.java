package org.yinling.subsidy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.Regions;

import java.util.HashMap;

/** The street's re-check queue: entitlements whose elder's circumstances changed; confirm or stop each. */
@Controller
@RequestMapping("/subsidies/rechecks")
class RecheckController {

    static final String LIST_VIEW = "subsidies/rechecks/list";

    private final EntitlementStore entitlements;
    private final EntitlementRecheck recheck;
    private final Regions regions;

    RecheckController(EntitlementStore entitlements, EntitlementRecheck recheck, Regions regions) {
        this.entitlements = entitlements;
        this.recheck = recheck;
        this.regions = regions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("rechecks", entitlements.rechecks(user.scope(), page));
        model.addAttribute("mayAct", user.getRole() == Role.STREET_REVIEWER);
        model.addAttribute("regionNames", regions.allNames());
        return LIST_VIEW;
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam long lockVersion, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        BindingResult errors = new MapBindingResult(new HashMap<>(), "recheck");
        if (recheck.confirm(id, lockVersion, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.recheck.confirmed");
        }
        else {
            redirect.addFlashAttribute("flashError", errors.getGlobalError().getCode());
        }
        return "redirect:/subsidies/rechecks";
    }

    @PostMapping("/{id}/stop")
    String stop(@PathVariable long id, @RequestParam long lockVersion, @RequestParam(required = false) String reason,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        BindingResult errors = new MapBindingResult(new HashMap<>(), "recheck");
        if (recheck.stop(id, lockVersion, reason, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.recheck.stopped");
        }
        else {
            redirect.addFlashAttribute("flashError", errors.getGlobalError().getCode());
        }
        return "redirect:/subsidies/rechecks";
    }
}
