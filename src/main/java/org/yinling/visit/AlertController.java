package org.yinling.visit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;

/** {@code /visits/alerts}: urgent findings not yet handled, for the community, the street and the district. */
@Controller
@RequestMapping("/visits/alerts")
class AlertController {

    static final String VIEW = "visits/alerts";

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("alerts", alerts.open(user));
        model.addAttribute("mayHandle", user.getRole() != Role.MANAGER && user.getRole() != Role.VISITOR);
        return VIEW;
    }

    @PostMapping("/{alertId}/handled")
    String handled(@PathVariable long alertId, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (alerts.handle(alertId, note, user)) {
            redirect.addFlashAttribute("flashSuccess", "visit.alert.handled");
        }
        else {
            redirect.addFlashAttribute("flashError", "visit.alert.handledAlready");
        }
        return "redirect:/visits/alerts";
    }
}
