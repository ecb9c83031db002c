package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionScope;

/**
 * 免申即享: for a published policy marked automatic, every elder of the policy's region (inside the user's scope)
 * who qualifies today and has neither an active entitlement of the policy nor an open application for it gets a
 * pending application at the street review stage, with its SUBMIT decision, in one set-based statement
 * ({@link AutomaticEnrolmentStore#enrol}). At city size that takes longer than a request should, so a run is
 * recorded and then runs in the background ({@link AutomaticEnrolmentRunner}); the policy page polls for its report.
 * A second run finds nobody new: the NOT EXISTS tests and the unique index of open applications see to that.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISTRICT_STAFF')")
class AutomaticEnrolment {

    private final AutomaticEnrolmentStore store;
    private final AutomaticEnrolmentRunner runner;
    private final PolicyAdministration policies;
    private final Clock clock;

    AutomaticEnrolment(AutomaticEnrolmentStore store, AutomaticEnrolmentRunner runner, PolicyAdministration policies,
                       Clock clock) {
        this.store = store;
        this.runner = runner;
        this.policies = policies;
        this.clock = clock;
    }

    /** Why a run is refused, as a message key; empty when the policy may be run by this user today. */
    Optional<String> refusal(Policy policy, CurrentUser user) {
        if (!policy.automatic()) {
            return Optional.of("policy.enrol.notAutomatic");
        }
        if (!policy.inForceOn(LocalDate.now(clock))) {
            return Optional.of("policy.enrol.notInForce");
        }
        if (!policies.mayChange(policy, user)) {
            return Optional.of("policy.enrol.outOfScope");
        }
        return Optional.empty();
    }

    /**
     * Records a run of the policy version {@code id} and starts it once that is committed: the run's id, or the
     * message key of a refusal (also when a run of the policy is still going).
     */
    @Transactional
    Started start(long id, CurrentUser user, String note) {
        Policy policy = policies.load(id, user);
        Optional<String> refusal = refusal(policy, user);
        if (refusal.isPresent()) {
            return new Started(null, refusal.get());
        }
        LocalDate today = LocalDate.now(clock);
        RegionScope scope = policies.effectiveScope(policy, user);
        RegionScope userScope = user.scope();
        String actor = user.getUsername();
        Optional<Long> started = store.start(policy, scope, actor);
        if (started.isEmpty()) {
            return new Started(null, "policy.enrol.running");
        }
        long runId = started.get();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runner.run(runId, policy, scope, userScope, today, note, actor);
            }
        });
        return new Started(runId, null);
    }

    /**
     * How many applications a run would create now, for the confirmation; empty when a run is refused (the page
     * shows the refusal instead).
     */
    @Transactional(readOnly = true)
    java.util.OptionalLong preview(long id, CurrentUser user) {
        Policy policy = policies.load(id, user);
        if (refusal(policy, user).isPresent()) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(store.countNew(policy, policies.effectiveScope(policy, user), user.scope(),
                LocalDate.now(clock)));
    }

    /** The latest run of the policy's code, if any. */
    @Transactional(readOnly = true)
    Optional<AutomaticEnrolmentRun> latest(Policy policy) {
        return store.latest(policy.code());
    }

    record Started(Long runId, String refusal) {
    }
}
