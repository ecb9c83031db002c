package org.yinling.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ElderScope;
import org.yinling.elder.ResidentId;
import org.yinling.region.Regions;

/**
 * {@code /payments/recoveries}: money paid for months after an elder died or moved out, for the street and the
 * district to recover (or waive, with a note); and {@code /payments/elders/{id}/history} for the elder's page.
 */
@Controller
class RecoveryController {

    private static final int HISTORY_SIZE = 24;

    private final JdbcClient jdbc;
    private final ElderScope elderScope;
    private final LineQueries lines;
    private final Regions regions;
    private final AuditLog audit;

    RecoveryController(JdbcClient jdbc, ElderScope elderScope, LineQueries lines, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.elderScope = elderScope;
        this.lines = lines;
        this.regions = regions;
        this.audit = audit;
    }

    public record Recovery(long id, long elderId, String elderName, String maskedResidentId, String communityCode,
                           LocalDate month, BigDecimal amount, String reason, LocalDate statusDate, String state,
                           Instant createdAt) {

        public String reasonKey() {
            return "payment.recovery.reason." + reason;
        }

        public String stateKey() {
            return "payment.recovery.state." + state;
        }
    }

    @GetMapping("/payments/recoveries")
    String list(@RequestParam(defaultValue = "OPEN") String state, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String wanted = List.of("OPEN", "RECOVERED", "WAIVED").contains(state) ? state : "OPEN";
        List<Recovery> recoveries = jdbc.sql("""
                        SELECT r.id, r.elder_id, l.elder_name, l.resident_id, r.community_code, l.month, r.amount,
                            r.reason, r.status_date, r.state, r.created_at
                        FROM payment_recovery r JOIN payment_line l ON l.id = r.line_id
                        WHERE r.community_code LIKE ? AND r.state = ?
                        ORDER BY r.created_at, r.id LIMIT 500
                        """)
                .params(user.scope().likePattern(), wanted)
                .query((rs, row) -> new Recovery(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ResidentId.mask(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .list();
        model.addAttribute("recoveries", recoveries);
        model.addAttribute("state", wanted);
        model.addAttribute("total", recoveries.stream().map(Recovery::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("regionNames", regions.allNames());
        return "payments/recoveries";
    }

    @PostMapping("/payments/recoveries/{id}/close")
    @Transactional
    String close(@PathVariable long id, @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!List.of("RECOVERED", "WAIVED").contains(outcome) || (outcome.equals("WAIVED") && note.isBlank())
                || note.length() > 200) {
            redirect.addFlashAttribute("flashError", "payment.recovery.noteRequired");
            return "redirect:/payments/recoveries";
        }
        int closed = jdbc.sql("""
                        UPDATE payment_recovery SET state = ?, note = ?, closed_at = now(), closed_by = ?
                        WHERE id = ? AND community_code LIKE ? AND state = 'OPEN'
                        """)
                .params(outcome, note.strip(), user.getUsername(), id, user.scope().likePattern()).update();
        if (closed == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record("PAYMENT_RECOVERY_CLOSED", "payment_recovery", id, Map.of("outcome", outcome));
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
