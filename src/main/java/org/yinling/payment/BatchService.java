package org.yinling.payment;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** The life of a batch: create and generate, discard, approve (by a second person), export, settle. */
@Service
class BatchService {

    private final BatchStore batches;
    private final BatchGenerator generator;
    private final AuditLog audit;

    BatchService(BatchStore batches, BatchGenerator generator, AuditLog audit) {
        this.batches = batches;
        this.generator = generator;
        this.audit = audit;
    }

    /** Outcome of asking for a month's batch: the batch, and whether it was created now or existed. */
    record Creation(long batchId, boolean created) {
    }

    /**
     * Creates the batch of the user's district for {@code month} and starts generating it in the background; when
     * the month already has a live batch (also one another node just created), returns that one.
     */
    @Transactional
    Creation create(LocalDate month, boolean carryFailed, CurrentUser user) {
        LocalDate first = month.withDayOfMonth(1);
        Optional<Long> created = batches.tryCreate(user.getRegionCode(), first, carryFailed, user.getUsername());
        if (created.isEmpty()) {
            return new Creation(existing(user.getRegionCode(), first), false);
        }
        long id = created.get();
        audit.record("PAYMENT_BATCH_CREATED", "payment_batch", id, Map.of("month", first.toString()));
        // the background generation reads the batch row, so it starts once the row and its audit row are committed
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generator.generateInBackground(id);
            }
        });
        return new Creation(id, true);
    }

    private long existing(String regionCode, LocalDate month) {
        return batches.findLive(regionCode, month).orElseThrow().id();
    }

    /** Resumes a generation that stopped (a crash or a restart); false when it is running elsewhere. */
    void resume(long batchId) {
        generator.generateInBackground(batchId);
    }

    @Transactional
    boolean discard(PaymentBatch batch, CurrentUser user) {
        boolean done = batches.discard(batch.id(), batch.lockVersion(), user.getUsername());
        if (done) {
            audit.record("PAYMENT_BATCH_DISCARDED", "payment_batch", batch.id(), Map.of("month", batch.month().toString()));
        }
        return done;
    }

    enum ApprovalResult { APPROVED, SAME_PERSON, CHANGED }

    @Transactional
    ApprovalResult approve(PaymentBatch batch, CurrentUser user) {
        if (batch.generatedBy().equals(user.getUsername())) {
            return ApprovalResult.SAME_PERSON;
        }
        if (!batches.transition(batch.id(), batch.lockVersion(), BatchState.GENERATED, BatchState.APPROVED,
                "approved_by", "approved_at", user.getUsername())) {
            return ApprovalResult.CHANGED;
        }
        audit.record("PAYMENT_BATCH_APPROVED", "payment_batch", batch.id(),
                Map.of("lines", batch.lineCount(), "total", batch.amountTotal()));
        return ApprovalResult.APPROVED;
    }

    /** The first export of an approved batch moves it to EXPORTED; every export is audited. */
    @Transactional
    void exported(PaymentBatch batch, String format, CurrentUser user) {
        if (batch.state() == BatchState.APPROVED) {
            batches.transition(batch.id(), batch.lockVersion(), BatchState.APPROVED, BatchState.EXPORTED,
                    "exported_by", "exported_at", user.getUsername());
        }
        audit.record("PAYMENT_BATCH_EXPORTED", "payment_batch", batch.id(), Map.of("format", format));
    }
}
