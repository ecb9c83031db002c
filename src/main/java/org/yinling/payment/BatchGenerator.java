package org.yinling.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yinling.region.Regions;
import org.yinling.subsidy.Policy;
import org.yinling.subsidy.SubsidyPolicies;

/**
 * Generates a batch's lines in steps (one policy version each, then the lines paid to organisations, one statement
 * for each {@link OrganisationPayments} bean the modules that pay them contribute, then
 * failed lines carried over, then the totals),
 * each step one transaction that also counts the progress. A crash leaves the batch GENERATING with
 * whole steps done; running it again repeats every step, and the unique index turns the repeated ones into no-ops.
 *
 * <p>Only one generation of a district's month runs at a time, across all nodes: the generator holds a PostgreSQL
 * advisory lock on a connection of its own for the whole run. If the node dies, the connection closes and the lock
 * is released, so another node (or the restarted one) can resume.
 */
@Component
class BatchGenerator {

    private static final Logger log = LoggerFactory.getLogger(BatchGenerator.class);

    private final BatchStore batches;
    private final LineWriter lines;
    private final Recoveries recoveries;
    private final SubsidyPolicies policies;
    private final Regions regions;
    private final List<OrganisationPayments> organisationPayments;
    private final List<PaymentHolds> holds;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    BatchGenerator(BatchStore batches, LineWriter lines, Recoveries recoveries, SubsidyPolicies policies,
                   Regions regions, List<OrganisationPayments> organisationPayments, List<PaymentHolds> holds,
                   JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions) {
        this.batches = batches;
        this.lines = lines;
        this.recoveries = recoveries;
        this.policies = policies;
        this.regions = regions;
        this.organisationPayments = List.copyOf(organisationPayments);
        this.holds = List.copyOf(holds);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    @Async
    public void generateInBackground(long batchId) {
        generate(batchId);
    }

    /** Generates (or resumes) the batch; false when another generation of it holds the lock. */
    boolean generate(long batchId) {
        PaymentBatch batch = batches.findAny(batchId).orElseThrow();
        try (Connection lockConnection = dataSource.getConnection()) {
            lockConnection.setAutoCommit(true);
            if (!tryLock(lockConnection, batch)) {
                log.info("Payment batch {} is being generated elsewhere", batchId);
                return false;
            }
            try {
                batch = batches.findAny(batchId).orElseThrow();
                if (batch.state() == BatchState.GENERATING) {
                    run(batch);
                }
                return true;
            } finally {
                unlock(lockConnection, batch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("payment batch " + batchId + ": lock connection failed", e);
        }
    }

    private void run(PaymentBatch batch) {
        long started = System.nanoTime();
        String regionPattern = regions.find(batch.regionCode()).orElseThrow().scope().likePattern();
        List<Policy> versions = policyVersions(batch, regionPattern);
        int steps = versions.size() + (batch.carryFailed() ? 1 : 0) + 2;
        batches.startGeneration(batch.id(), steps);
        Set<LocalDate> batchMonths = batchMonths(batch);
        for (Policy policy : versions) {
            // one statement per policy version over the whole district: the elder table is read once per version
            transactions.executeWithoutResult(status -> {
                writeBackPay(batch, policy, regionPattern, batchMonths);
                lines.regular(batch, policy, regionPattern);
                batches.stepDone(batch.id());
            });
        }
        transactions.executeWithoutResult(status -> {
            for (OrganisationPayments source : organisationPayments) {
                lines.organisationLines(batch, regionPattern, source, holds);
            }
            batches.stepDone(batch.id());
        });
        if (batch.carryFailed()) {
            transactions.executeWithoutResult(status -> {
                lines.carried(batch, regionPattern);
                batches.stepDone(batch.id());
            });
        }
        transactions.executeWithoutResult(status -> {
            lines.totals(batch.id());
            recoveries.flag(regionPattern);
            batches.finishGeneration(batch.id());
        });
        log.info("Payment batch {} ({} {}) generated in {} ms", batch.id(), batch.regionCode(), batch.month(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Back-pay for entitlements never paid before this month, month by month (each month its own tiers). */
    private void writeBackPay(PaymentBatch batch, Policy policy, String regionPattern, Set<LocalDate> batchMonths) {
        if (batchMonths.isEmpty() && policy.backPayMonths() == 0) {
            return;   // no month could have been missed, and the policy pays nothing back
        }
        List<LineWriter.NewEntitlement> fresh = lines.unpaidBefore(batch, policy, regionPattern);
        if (fresh.isEmpty()) {
            return;
        }
        List<Long> ids = fresh.stream().map(LineWriter.NewEntitlement::id).toList();
        LocalDate policyStart = policy.effectiveFrom().withDayOfMonth(1);
        // months they covered whose batch was generated before they existed
        for (LocalDate month : batchMonths) {
            lines.backPay(batch, policy, ids, month, true);
        }
        // a late registration: the policy's back-pay months before the entitlement started
        if (policy.backPayMonths() > 0) {
            Set<LocalDate> months = new TreeSet<>();
            for (LineWriter.NewEntitlement entitlement : fresh) {
                for (int k = 1; k <= policy.backPayMonths(); k++) {
                    LocalDate month = entitlement.startMonth().minusMonths(k);
                    if (!month.isBefore(policyStart)) {
                        months.add(month);
                    }
                }
            }
            for (LocalDate month : months) {
                lines.backPay(batch, policy, ids, month, false);
            }
        }
    }

    /** The policy versions of the district's entitlements that may be paid in this batch (cash policies only). */
    private List<Policy> policyVersions(PaymentBatch batch, String regionPattern) {
        List<Long> ids = jdbc.sql("""
                        SELECT DISTINCT en.policy_id FROM subsidy_entitlement en
                        WHERE en.community_code LIKE ? AND en.start_month <= ?
                          AND (en.end_month IS NULL OR en.end_month >= ? - INTERVAL '24 months')
                        ORDER BY en.policy_id
                        """)
                .params(regionPattern, batch.month(), batch.month())
                .query(Long.class).list();
        List<Policy> versions = new ArrayList<>();
        for (long id : ids) {
            Policy policy = policies.find(id).orElseThrow();
            // a service-budget policy delivers home-care services, never cash: no regular nor back-pay line
            if (!policy.serviceBudget()) {
                versions.add(policy);
            }
        }
        return versions;
    }

    /** Earlier months of the district that have a live batch: months a new entitlement may have missed. */
    private Set<LocalDate> batchMonths(PaymentBatch batch) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT month FROM payment_batch
                        WHERE region_code = ? AND month < ? AND state <> 'DISCARDED'
                        """)
                .params(batch.regionCode(), batch.month())
                .query(LocalDate.class).list());
    }

    private static boolean tryLock(Connection connection, PaymentBatch batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, lockKey(batch));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, PaymentBatch batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, lockKey(batch));
            statement.executeQuery().close();
        }
    }

    /** Advisory locks of payment generation: (this class, district and month). */
    private static final int LOCK_CLASS = 0x5941_0006;

    private static int lockKey(PaymentBatch batch) {
        return (batch.regionCode() + ":" + batch.month()).hashCode();
    }
}
