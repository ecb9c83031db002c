package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;

/**
 * Runs an enrolment on Spring's task executor, started after the run's row was committed: the statement, the run's
 * report and the audit event commit together; a failure marks the run FAILED.
 */
@Component
class AutomaticEnrolmentRunner {

    private static final Logger log = LoggerFactory.getLogger(AutomaticEnrolmentRunner.class);

    private final AutomaticEnrolmentStore store;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AutomaticEnrolmentRunner(AutomaticEnrolmentStore store, AuditLog audit, TransactionTemplate transaction) {
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Async
    public void run(long runId, Policy policy, RegionScope scope, RegionScope userScope, LocalDate today, String note,
                    String actor) {
        long started = System.nanoTime();
        try {
            transaction.executeWithoutResult(status -> {
                Map<String, Long> byStreet = store.enrol(policy, scope, userScope, today, note, actor);
                long total = byStreet.values().stream().mapToLong(Long::longValue).sum();
                long millis = (System.nanoTime() - started) / 1_000_000;
                store.finish(runId, byStreet, total, millis);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("code", policy.code());
                details.put("version", policy.version());
                details.put("run", runId);
                details.put("created", total);
                details.put("byStreet", byStreet);
                details.put("millis", millis);
                audit.recordAs(actor, "POLICY_ENROLMENT_RUN", PolicyAdministration.ENTITY, policy.id(), details);
                log.info("Automatic enrolment {} of {} v{}: {} applications in {} ms", runId, policy.code(),
                        policy.version(), total, millis);
            });
        }
        catch (RuntimeException e) {
            log.warn("Automatic enrolment {} of {} failed", runId, policy.code(), e);
            store.fail(runId);
        }
    }
}
