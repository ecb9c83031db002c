package org.yinling.institution;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.subsidy.DecisionAction;

/** {@code /institutions/{id}/grants}: construction-subsidy applications of an institution and their review. */
@Controller
@RequestMapping("/institutions/{institutionId}/grants")
class GrantController {

    private final InstitutionStore institutions;
    private final GrantStore grants;
    private final GrantService service;

    GrantController(InstitutionStore institutions, GrantStore grants, GrantService service) {
        this.institutions = institutions;
        this.grants = grants;
        this.service = service;
    }

    @PostMapping
    String register(@PathVariable long institutionId, @RequestParam(required = false) Integer newBeds,
                    @RequestParam(defaultValue = "") String notes, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        Institution institution = institution(institutionId, user);
        GrantService.Outcome outcome = service.register(institution, newBeds, notes, user);
        flash(redirect, outcome);
        return "redirect:/institutions/" + institutionId;
    }

    @GetMapping("/{grantId}")
    String detail(@PathVariable long institutionId, @PathVariable long grantId,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        institution(institutionId, user);
        ConstructionGrant grant = grant(institutionId, grantId, user);
        model.addAttribute("grant", grant);
        model.addAttribute("decisions", grants.decisions(grantId));
        return "institutions/grant";
    }

    @PostMapping("/{grantId}/decide")
    String decide(@PathVariable long institutionId, @PathVariable long grantId, @RequestParam DecisionAction action,
                  @RequestParam(defaultValue = "") String note, @RequestParam long version,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        ConstructionGrant grant = grant(institutionId, grantId, user);
        flash(redirect, service.decide(grant, action, note, version, user));
        return "redirect:/institutions/" + institutionId + "/grants/" + grantId;
    }

    @PostMapping("/{grantId}/conclude")
    String conclude(@PathVariable long institutionId, @PathVariable long grantId, @RequestParam long version,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        ConstructionGrant grant = grant(institutionId, grantId, user);
        flash(redirect, service.conclude(grant, version, user));
        return "redirect:/institutions/" + institutionId + "/grants/" + grantId;
    }

    private static void flash(RedirectAttributes redirect, GrantService.Outcome outcome) {
        redirect.addFlashAttribute(outcome == GrantService.Outcome.DONE ? "flashSuccess" : "flashError",
                outcome.messageKey());
    }

    private Institution institution(long id, CurrentUser user) {
        return institutions.find(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ConstructionGrant grant(long institutionId, long grantId, CurrentUser user) {
        return grants.find(grantId, user.scope()).filter(g -> g.institutionId() == institutionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
