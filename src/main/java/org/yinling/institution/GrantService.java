package org.yinling.institution;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.rate.Rates;
import org.yinling.subsidy.ApplicationStage;
import org.yinling.subsidy.ApplicationStages;
import org.yinling.subsidy.DecisionAction;

/**
 * The construction subsidy of a new private institution through the same review chain as elder subsidies (the rules
 * of who acts at which stage are {@link ApplicationStages}'): the community registers it, the street reviews, the
 * district approves, publicity, then it is approved and the next payment batch pays it once.
 */
@Service
class GrantService {

    /** Why a step was refused, as a message key. */
    enum Outcome {
        DONE("grant.done"), NOT_PRIVATE("grant.notPrivate"), BEDS_INVALID("grant.bedsInvalid"),
        ALREADY("grant.already"), NOT_ALLOWED("grant.notAllowed"), REASON_REQUIRED("grant.reasonRequired"),
        CHANGED("grant.changed"), PUBLICITY_RUNNING("grant.publicityRunning"), NO_RATE("grant.noRate");

        private final String messageKey;

        Outcome(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private final GrantStore grants;
    private final AuditLog audit;
    private final int publicityDays;
    private final Clock clock;
    private final Rates rates;

    GrantService(GrantStore grants, AuditLog audit, @Value("${yinling.subsidy.publicity-days:7}") int publicityDays,
                 Clock clock, Rates rates) {
        this.rates = rates;
        this.grants = grants;
        this.audit = audit;
        this.publicityDays = publicityDays;
        this.clock = clock;
    }

    /** 社区受理: the community clerk of the institution's community registers the application. */
    @Transactional
    Outcome register(Institution institution, Integer newBeds, String notes, CurrentUser user) {
        if (user.getRole() != Role.COMMUNITY_CLERK) {
            return Outcome.NOT_ALLOWED;
        }
        if (institution.ownership() != Ownership.PRIVATE) {
            return Outcome.NOT_PRIVATE;
        }
        if (newBeds == null || newBeds < 1 || newBeds > institution.beds()) {
            return Outcome.BEDS_INVALID;
        }
        GrantTier tier = GrantTier.of(institution.beds());
        // the rate per bed in force today for the institution's region; a tier without one is not granted yet
        BigDecimal rate = rates.amountOn(SubsidyRates.CONSTRUCTION, tier.name(), institution.communityCode(),
                LocalDate.now(clock));
        if (rate == null) {
            return Outcome.NO_RATE;
        }
        String note = notes == null || notes.isBlank() ? null : notes.strip();
        if (note != null && note.length() > 500) {
            return Outcome.BEDS_INVALID;
        }
        // an open or approved grant of the institution (also one committed a moment ago) leaves the insert undone
        Optional<Long> created = grants.insert(institution, newBeds, tier, rate, note, user.getUsername());
        if (created.isEmpty()) {
            return Outcome.ALREADY;
        }
        long id = created.get();
        grants.decision(id, DecisionAction.SUBMIT.name(), null, ApplicationStage.STREET_REVIEW, null,
                user.getUsername());
        audit.record("GRANT_SUBMITTED", "construction_grant", id, Map.of("institution", institution.id(),
                "newBeds", newBeds, "tier", tier.name()));
        return Outcome.DONE;
    }

    /** Approve, reject or return at the grant's stage, by the role whose stage it is; reject and return need a reason. */
    @Transactional
    Outcome decide(ConstructionGrant grant, DecisionAction action, String note, long lockVersion, CurrentUser user) {
        String reason = note == null ? "" : note.strip();
        if (action == DecisionAction.RESUBMIT) {
            return resubmit(grant, lockVersion, user);
        }
        if (!ApplicationStages.mayDecide(user.getRole(), grant.stage(), action)) {
            return Outcome.NOT_ALLOWED;
        }
        if ((action == DecisionAction.REJECT || action == DecisionAction.RETURN) && reason.isEmpty()
                || reason.length() > 500) {
            return Outcome.REASON_REQUIRED;
        }
        ApplicationStage to = switch (action) {
            case APPROVE -> ApplicationStages.afterApproval(grant.stage());
            case REJECT -> ApplicationStage.REJECTED;
            case RETURN -> ApplicationStage.RETURNED;
            default -> null;
        };
        if (to == null) {
            return Outcome.NOT_ALLOWED;
        }
        LocalDate today = LocalDate.now(clock);
        boolean toPublicity = to == ApplicationStage.PUBLICITY;
        if (!grants.move(grant.id(), lockVersion, grant.stage(), to, toPublicity ? today : null,
                toPublicity ? today.plusDays(publicityDays) : null, user.getUsername())) {
            return Outcome.CHANGED;
        }
        grants.decision(grant.id(), action.name(), grant.stage(), to, reason.isEmpty() ? null : reason,
                user.getUsername());
        audit.record("GRANT_" + action.name(), "construction_grant", grant.id(), Map.of("to", to.name()));
        return Outcome.DONE;
    }

    /** The district concludes publicity once it has run its days: the grant is approved and will be paid. */
    @Transactional
    Outcome conclude(ConstructionGrant grant, long lockVersion, CurrentUser user) {
        if (user.getRole() != Role.DISTRICT_STAFF || grant.stage() != ApplicationStage.PUBLICITY) {
            return Outcome.NOT_ALLOWED;
        }
        if (grant.publicityEnds().isAfter(LocalDate.now(clock))) {
            return Outcome.PUBLICITY_RUNNING;
        }
        if (!grants.move(grant.id(), lockVersion, ApplicationStage.PUBLICITY, ApplicationStage.APPROVED, null, null,
                user.getUsername())) {
            return Outcome.CHANGED;
        }
        grants.decision(grant.id(), DecisionAction.CONCLUDE.name(), ApplicationStage.PUBLICITY,
                ApplicationStage.APPROVED, null, user.getUsername());
        audit.record("GRANT_APPROVED", "construction_grant", grant.id(), Map.of("amount", grant.amount()));
        return Outcome.DONE;
    }

    private Outcome resubmit(ConstructionGrant grant, long lockVersion, CurrentUser user) {
        if (user.getRole() != Role.COMMUNITY_CLERK || grant.stage() != ApplicationStage.RETURNED) {
            return Outcome.NOT_ALLOWED;
        }
        if (!grants.move(grant.id(), lockVersion, ApplicationStage.RETURNED, ApplicationStage.STREET_REVIEW, null,
                null, user.getUsername())) {
            return Outcome.CHANGED;
        }
        grants.decision(grant.id(), DecisionAction.RESUBMIT.name(), ApplicationStage.RETURNED,
                ApplicationStage.STREET_REVIEW, null, user.getUsername());
        audit.record("GRANT_RESUBMIT", "construction_grant", grant.id(), Map.of());
        return Outcome.DONE;
    }
}
