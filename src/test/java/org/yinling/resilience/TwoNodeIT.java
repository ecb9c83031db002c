package org.yinling.resilience;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL: a session made on one is valid on the other (Spring Session JDBC), and
 * the same month's payment batch asked for on both at the same moment is one batch with no line twice.
 */
class TwoNodeIT {

    static TestPostgres db;
    static AppProcess nodeA;
    static AppProcess nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        db = new TestPostgres("two-node");
        nodeA = new AppProcess("two-node-a", AppProcess.onDatabase(db.jdbcUrl(), 3000)).start(Duration.ofMinutes(5));
        nodeB = new AppProcess("two-node-b", AppProcess.onDatabase(db.jdbcUrl(), 3000)).start(Duration.ofMinutes(5));
        // entitlements for the demo district's elders, so that a batch has lines (as bench/PaymentBench.java does)
        try (Connection connection = db.connect()) {
            Resilience.entitle(connection, Resilience.batchMonth());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, db}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aUserLoggedInOnOneNodeIsLoggedInOnTheOther() throws Exception {
        WebUser user = new WebUser();
        user.logIn(nodeA.base(), "district", "yinling");
        assertThat(user.sessionId()).isNotNull();

        // the same cookie, sent to node B (as a load balancer without sticky sessions would)
        HttpResponse<String> home = user.get(nodeB.base(), "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("区民政局工作人员").contains("拱墅区（演示）");

        // a stranger's request to node B still goes to the login page
        assertThat(new WebUser().get(nodeB.base(), "/").statusCode()).isEqualTo(302);

        // logging out on node B ends the session on node A too
        user.post(nodeB.base(), "/", "/logout", Map.of());
        assertThat(user.get(nodeA.base(), "/").statusCode()).isEqualTo(302);
    }

    @Test
    void theSameMonthStartedOnBothNodesAtOnceIsOneBatch() throws Exception {
        String month = Resilience.batchMonth().toString();
        WebUser onA = new WebUser();
        onA.logIn(nodeA.base(), "district", "yinling");
        WebUser onB = new WebUser();
        onB.logIn(nodeB.base(), "district", "yinling");
        String tokenA = onA.csrf(nodeA.base(), "/payments/batches");
        String tokenB = onB.csrf(nodeB.base(), "/payments/batches");
        assertThat(tokenA).isNotBlank();
        assertThat(tokenB).isNotBlank();

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Object[] node : new Object[][] {{onA, nodeA}, {onB, nodeB}}) {
            answers.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return ((WebUser) node[0]).post(((AppProcess) node[1]).base(), "/payments/batches", "/payments/batches",
                        Map.of("month", month, "carryFailed", "true"));
            }));
        }
        ready.await();
        go.countDown();
        List<String> locations = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(302);
            // Location is absolute (each node's own host and port): compare the paths
            locations.add(java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
        }
        threads.shutdown();
        // both answers open the same batch
        assertThat(locations.get(0)).matches("/payments/batches/\\d+").isEqualTo(locations.get(1));
        long batchId = Long.parseLong(locations.get(0).substring(locations.get(0).lastIndexOf('/') + 1));

        try (Connection connection = db.connect()) {
            Resilience.awaitGenerated(connection, batchId, Duration.ofMinutes(3));
            assertThat(Resilience.count(connection, """
                    SELECT count(*) FROM payment_batch WHERE region_code = '330105000000' AND month = '%s-01'
                    """.formatted(month))).isEqualTo(1);
            assertThat(Resilience.count(connection, "SELECT count(*) FROM payment_line WHERE batch_id = " + batchId))
                    .isPositive();
            assertThat(Resilience.count(connection, """
                    SELECT count(*) FROM (SELECT elder_id, policy_id, month FROM payment_line
                                          GROUP BY elder_id, policy_id, month HAVING count(*) > 1) d
                    """)).isZero();
        }
    }
}
