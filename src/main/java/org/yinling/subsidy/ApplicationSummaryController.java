package org.yinling.subsidy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;

/**
 * The elder page's subsidy card, loaded with htmx (the elder module knows nothing of subsidies): the elder's
 * applications and entitlements, for users whose region holds the elder (404 otherwise).
 */
@Controller
class ApplicationSummaryController {

    static final String SUMMARY_VIEW = "subsidies/elder-summary/summary";

    private final ApplicationStore applications;
    private final EntitlementStore entitlements;

    ApplicationSummaryController(ApplicationStore applications, EntitlementStore entitlements) {
        this.applications = applications;
        this.entitlements = entitlements;
    }

    @GetMapping("/subsidies/elders/{elderId}/summary")
    String summary(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ApplicationElder elder = applications.elder(elderId, user.scope()).orElseThrow(ApplicationNotFoundException::new);
        model.addAttribute("elder", elder);
        model.addAttribute("applications", applications.ofElder(elderId));
        model.addAttribute("entitlements", entitlements.ofElder(elderId));
        model.addAttribute("mayApply", user.getRole() == Role.COMMUNITY_CLERK && elder.active());
        return SUMMARY_VIEW + " :: summary";
    }
}
