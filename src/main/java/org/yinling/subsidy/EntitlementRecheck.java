package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.elder.EldersLeft;

/**
 * Changes of circumstance: stopping an elder's entitlements (death, move-out) and withdrawing their open
 * applications, flagging entitlements whose elder may no longer qualify (or qualifies in another tier) for the
 * street's re-check, and the street's confirmation or stop of a flagged entitlement.
 */
@Service
class EntitlementRecheck {

    static final String ENTITY = "subsidy_entitlement";
    /** Why an open application was withdrawn when its elder moved out of its policy's region. */
    static final String MOVED = "ELDER_MOVED_OUT_OF_POLICY_REGION";

    private final EntitlementStore entitlements;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final Clock clock;

    EntitlementRecheck(EntitlementStore entitlements, PolicyStore policies,
                       AuditLog audit, Clock clock) {
        this.entitlements = entitlements;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The elders died or moved out (each on its date): every active entitlement stops with the month of the date as
     * the last month paid, and every open application is withdrawn (one decision row each), one audit record per
     * elder. Set-based (one statement per table whatever the number of elders), in the caller's transaction.
     */
    @Transactional
    void stopAll(EldersLeft left, String reason) {
        String actor = actor();
        Map<Long, List<Long>> stopped = byElder(entitlements.stopAllOf(left.ids(), left.isoDates(), reason, actor));
        Map<Long, List<Long>> withdrawn = byElder(entitlements.withdrawOpenApplicationsOf(left.ids(), reason, actor));
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            long elderId = left.elderIds()[i];
            List<Long> elderStopped = stopped.getOrDefault(elderId, List.of());
            List<Long> elderWithdrawn = withdrawn.getOrDefault(elderId, List.of());
            if (!elderStopped.isEmpty() || !elderWithdrawn.isEmpty()) {
                entries.add(new AuditLog.Entry(elderId, ApplicationService.details("reason", reason,
                        "date", left.dates()[i].toString(), "entitlementIds", elderStopped,
                        "withdrawnApplicationIds", elderWithdrawn)));
            }
        }
        audit.recordAllAs(actor, "ENTITLEMENTS_STOPPED", ENTITY, entries);
    }

    private static Map<Long, List<Long>> byElder(List<EntitlementStore.OfElder> rows) {
        Map<Long, List<Long>> byElder = new HashMap<>();
        rows.forEach(row -> byElder.computeIfAbsent(row.elderId(), e -> new ArrayList<>()).add(row.id()));
        return byElder;
    }

    /**
     * The elders (every elder when {@code elderIds} is null, after an import) may live in another community now: their
     * open applications follow them, in the transaction that moved them, so that the new community and street find
     * them in their queues at the stage they reached (a move inside the district changes no eligibility, and
     * withdrawing would make the elder apply again and lose the date the application was received, from which the
     * payment counts). An application whose policy does not cover the new community (a street's policy, another
     * street) is withdrawn with the reason {@value #MOVED}. Active entitlements follow as well, for the new street's
     * re-checks. Each move is audited with where it came from and went.
     */
    @Transactional
    void followElders(Long[] elderIds) {
        String actor = actor();
        List<EntitlementStore.Moved> applicationsMoved = entitlements.moveOpenApplicationsWithElders(elderIds, actor);
        audit.recordAllAs(actor, "APPLICATION_MOVED_WITH_ELDER", ApplicationService.ENTITY, applicationsMoved.stream()
                .map(m -> new AuditLog.Entry(m.id(), ApplicationService.details("elderId", m.elderId(), "from", m.from(),
                        "to", m.to())))
                .toList());
        List<Long> withdrawn = entitlements.withdrawOpenApplicationsOutsidePolicy(elderIds, MOVED, actor);
        audit.recordAllAs(actor, "APPLICATION_WITHDRAWN", ApplicationService.ENTITY, withdrawn.stream()
                .map(id -> new AuditLog.Entry(id, ApplicationService.details("reason", MOVED))).toList());
        List<EntitlementStore.Moved> entitlementsMoved = entitlements.moveActiveEntitlementsWithElders(elderIds, actor);
        audit.recordAllAs(actor, "ENTITLEMENT_MOVED_WITH_ELDER", ENTITY, entitlementsMoved.stream()
                .map(m -> new AuditLog.Entry(m.id(), ApplicationService.details("elderId", m.elderId(), "from", m.from(),
                        "to", m.to())))
                .toList());
    }

    /**
     * Re-evaluates the active entitlements of the elders (one or many, e.g. an agency's batch of status changes),
     * set-based per policy: those that no longer hold are flagged for the street's re-check, one audit record per
     * flagged entitlement, whether the elder changed alone or with thousands of others.
     */
    @Transactional
    void reevaluate(Long[] elderIds, String cause) {
        LocalDate today = LocalDate.now(clock);
        String actor = actor();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (long policyId : entitlements.policiesWithActiveEntitlementsOf(elderIds)) {
            Policy policy = policies.find(policyId).orElseThrow();
            for (EntitlementStore.Flagged flagged : entitlements.flagElders(policyId, policy.rule(), elderIds, today,
                    actor)) {
                entries.add(new AuditLog.Entry(flagged.id(), ApplicationService.details("elderId", flagged.elderId(),
                        "reason", flagged.reason(), "cause", cause, "qualifyingTier", flagged.qualifyingTier())));
            }
        }
        audit.recordAllAs(actor, "ENTITLEMENT_RECHECK_FLAGGED", ENTITY, entries);
    }

    /** After a spreadsheet import changed many elders: every policy's active entitlements, set-based. */
    @Transactional
    int reevaluateAll(String cause) {
        LocalDate today = LocalDate.now(clock);
        String actor = actor();
        int flagged = 0;
        for (long policyId : entitlements.policiesWithActiveEntitlements()) {
            Policy policy = policies.find(policyId).orElseThrow();
            flagged += entitlements.flagAll(policyId, policy.rule(), today, actor);
        }
        if (flagged > 0) {
            audit.recordAs(actor, "ENTITLEMENTS_RECHECK_FLAGGED", ENTITY, null,
                    ApplicationService.details("count", flagged, "cause", cause));
        }
        return flagged;
    }

    /**
     * Time alone can end eligibility when a rule tests an attribute that depends on the day, like "assessment valid
     * on date" (issue 21 §5: a level-based benefit lapses when the assessment does): the active entitlements of every
     * policy whose rule tests the attribute are re-evaluated, set-based, and those that no longer hold are flagged for
     * the street's re-check like any other change of circumstance.
     */
    @Transactional
    int reevaluatePoliciesTesting(org.yinling.subsidy.rule.Attribute attribute, String cause) {
        LocalDate today = LocalDate.now(clock);
        String actor = actor();
        int flagged = 0;
        for (long policyId : entitlements.policiesWithActiveEntitlements()) {
            Policy policy = policies.find(policyId).orElseThrow();
            if (tests(policy.rule(), attribute)) {
                flagged += entitlements.flagAll(policyId, policy.rule(), today, actor);
            }
        }
        if (flagged > 0) {
            audit.recordAs(actor, "ENTITLEMENTS_RECHECK_FLAGGED", ENTITY, null,
                    ApplicationService.details("count", flagged, "cause", cause));
        }
        return flagged;
    }

    private static boolean tests(org.yinling.subsidy.rule.PolicyRule rule, org.yinling.subsidy.rule.Attribute attribute) {
        boolean inEligibility = rule.eligibility() != null && rule.eligibility().groups().stream()
                .flatMap(g -> g.criteria().stream()).anyMatch(c -> c.attribute() == attribute);
        return inEligibility || rule.tiers().stream()
                .anyMatch(t -> t.condition() != null && t.condition().attribute() == attribute);
    }

    /** The street confirms a flagged entitlement: it continues unchanged, the flag is cleared. */
    @Transactional
    boolean confirm(long id, long lockVersion, Errors errors, CurrentUser user) {
        EntitlementRow entitlement = loadForReviewer(id, user);
        if (entitlement.lockVersion() != lockVersion || !entitlements.confirm(id, lockVersion, user.getUsername())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        audit.record("ENTITLEMENT_RECHECK_CONFIRMED", ENTITY, id, ApplicationService.details(
                "reason", entitlement.recheckReason()));
        return true;
    }

    /** The street stops a flagged entitlement: the current month is the last one paid. */
    @Transactional
    boolean stop(long id, long lockVersion, String reason, Errors errors, CurrentUser user) {
        EntitlementRow entitlement = loadForReviewer(id, user);
        if (reason == null || reason.isBlank()) {
            errors.reject("application.recheck.reasonRequired");
            return false;
        }
        LocalDate endMonth = LocalDate.now(clock).withDayOfMonth(1);
        if (entitlement.lockVersion() != lockVersion
                || !entitlements.stop(id, lockVersion, endMonth, reason.strip(), user.getUsername())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        audit.record("ENTITLEMENT_STOPPED", ENTITY, id, ApplicationService.details("reason", reason.strip(),
                "endMonth", endMonth.toString(), "recheckReason", entitlement.recheckReason()));
        return true;
    }

    private EntitlementRow loadForReviewer(long id, CurrentUser user) {
        EntitlementRow entitlement = entitlements.findInScope(id, user.scope())
                .orElseThrow(ApplicationNotFoundException::new);
        if (user.getRole() != Role.STREET_REVIEWER) {
            throw new org.springframework.security.access.AccessDeniedException("Re-checks are the street's");
        }
        return entitlement;
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? AuditLog.SYSTEM : authentication.getName();
    }
}
