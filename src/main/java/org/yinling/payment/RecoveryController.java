package org.yinling.payment;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.elder.ElderScope;
import org.yinling.region.Regions;

/**
 * {@code /payments/recoveries}: money paid for months after an elder died or moved out, for the street and the
 * district to recover (or waive, with a note); and {@code /payments/elders/{id}/history} for the elder's page.
 */
@Controller
class RecoveryController {

    private static final int HISTORY_SIZE = 24;

    private final RecoveryService recoveries;
    private final ElderScope elderScope;
    private final LineQueries lines;
    private final Regions regions;

    RecoveryController(RecoveryService recoveries, ElderScope elderScope, LineQueries lines, Regions regions) {
        this.recoveries = recoveries;
        this.elderScope = elderScope;
        this.lines = lines;
        this.regions = regions;
    }

    @GetMapping("/payments/recoveries")
    String list(@RequestParam(defaultValue = "OPEN") String state, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String wanted = List.of("OPEN", "RECOVERED", "WAIVED").contains(state) ? state : "OPEN";
        List<Recovery> recoveries = this.recoveries.list(user, wanted);
        model.addAttribute("recoveries", recoveries);
        model.addAttribute("state", wanted);
        model.addAttribute("total", recoveries.stream().map(Recovery::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("regionNames", regions.allNames());
        return "payments/recoveries";
    }

    @PostMapping("/payments/recoveries/{id}/close")
    String close(@PathVariable long id, @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!List.of("RECOVERED", "WAIVED").contains(outcome) || (outcome.equals("WAIVED") && note.isBlank())
                || note.length() > 200) {
            redirect.addFlashAttribute("flashError", "payment.recovery.noteRequired");
            return "redirect:/payments/recoveries";
        }
        if (!recoveries.close(id, outcome, note, user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flashSuccess", "payment.recovery.closed");
        return "redirect:/payments/recoveries";
    }

    /** The elder page's payment card (loaded with htmx); 404 outside the user's region. */
    @GetMapping("/payments/elders/{elderId}/history")
    String history(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        elderScope.requireVisible(elderId, user.scope());
        model.addAttribute("payments", lines.ofElder(elderId, HISTORY_SIZE));
        return "payments/elder-history :: history";
    }
}
