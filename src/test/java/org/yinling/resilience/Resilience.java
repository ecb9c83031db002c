package org.yinling.resilience;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** SQL the resilience tests share: test data, waiting, counting. */
final class Resilience {

    private Resilience() {
    }

    /**
     * An approved application and an active entitlement of GAOLING and JUJIA from {@code month} for every living
     * elder of the demo district (tiers as in bench/PaymentBench.java), so that a batch has lines.
     */
    static int entitle(Connection db, YearMonth month) throws SQLException {
        String sql = """
                WITH apps AS (
                    INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                        tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                    SELECT e.id, p.id, p.code, e.community_code, 'APPROVED', 'AUTOMATIC',
                        CASE WHEN p.code = 'JUJIA' THEN 0
                             WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '90 years' THEN 1 ELSE 0 END,
                        CASE WHEN p.code = 'JUJIA' THEN 160
                             WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '90 years' THEN 500 ELSE 100 END,
                        CAST(:month AS date) - 20, CAST(:month AS date) - 10, now(), 'test', 'test'
                    FROM subsidy_policy p JOIN elder e ON e.community_code LIKE '330105%'
                    WHERE p.code IN ('GAOLING', 'JUJIA') AND p.status = 'PUBLISHED' AND e.life_status = 'ACTIVE'
                      AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement x
                                      WHERE x.elder_id = e.id AND x.policy_code = p.code AND x.status = 'ACTIVE')
                    RETURNING id, elder_id, policy_id, policy_code, community_code, tier_index, amount
                )
                INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                    tier_index, amount, frequency, start_month, status, payee_bank, payee_account, updated_by)
                SELECT elder_id, policy_id, policy_code, id, community_code, tier_index, amount, 'MONTHLY',
                    CAST(:month AS date), 'ACTIVE', '演示银行', '6222' || lpad(elder_id::text, 12, '0'), 'test'
                FROM apps
                """.replace(":month", "'" + month.atDay(1) + "'");
        try (Statement statement = db.createStatement()) {
            int rows = statement.executeUpdate(sql);
            statement.execute("ANALYZE subsidy_entitlement");
            return rows;
        }
    }

    /**
     * The month the tests generate a batch for: next month, as the demo data already holds this month's batch
     * (exported, see {@code DemoPayments}) and the months before it.
     */
    static YearMonth batchMonth() {
        return org.yinling.TestDates.thisMonth().plusMonths(1);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static BigDecimal sum(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1);
        }
    }

    static String string(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void awaitGenerated(Connection db, long batchId, Duration timeout) throws Exception {
        awaitState(db, "SELECT state FROM payment_batch WHERE id = " + batchId, "GENERATED", timeout);
    }

    static void awaitState(Connection db, String query, String state, Duration timeout) {
        await(query).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> string(db, query), equalTo(state));
    }
}
