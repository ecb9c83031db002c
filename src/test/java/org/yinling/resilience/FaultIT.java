package org.yinling.resilience;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the application in the middle of work, then a restart: a payment batch's generation resumes to exactly
 * the lines of a clean run; an import is whole or absent, never half; an import being read is marked interrupted.
 * And the embedded PostgreSQL an application starts itself survives its kill and is taken over by the restart.
 */
class FaultIT {

    /** Demo elders of the fault node: enough that a batch takes a few seconds to generate. */
    static final int ELDERS = Integer.getInteger("fault.elders", 60_000);
    static final int IMPORT_ROWS = Integer.getInteger("fault.importRows", 40_000);

    static TestPostgres db;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        db = new TestPostgres("fault");
        app = new AppProcess("fault-app", AppProcess.onDatabase(db.jdbcUrl(), ELDERS)).start(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aBatchKilledMidGenerationResumesToTheLinesOfACleanRun() throws Exception {
        YearMonth month = Resilience.batchMonth();
        try (Connection sql = db.connect()) {
            int entitlements = Resilience.entitle(sql, month);
            assertThat(entitlements).isGreaterThan(ELDERS / 2);

            WebUser user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            long requested = System.nanoTime();
            long batchId = createBatch(user, month);

            // kill -9 as soon as a step is committed and the generation is still running
            String batch = "FROM payment_batch WHERE id = " + batchId;
            await("a step of batch " + batchId + " committed").atMost(Duration.ofMinutes(5)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> Resilience.count(sql, "SELECT steps_done " + batch) >= 1);
            app.kill();
            long killedAt = System.nanoTime();
            assertThat(Resilience.string(sql, "SELECT state " + batch)).as("killed mid-generation").isEqualTo("GENERATING");
            long stepsDone = Resilience.count(sql, "SELECT steps_done " + batch);
            long stepsTotal = Resilience.count(sql, "SELECT steps_total " + batch);
            long linesAtKill = Resilience.count(sql, "SELECT count(*) FROM payment_line WHERE batch_id = " + batchId);
            assertThat(stepsDone).isBetween(1L, stepsTotal - 1);
            assertThat(linesAtKill).isPositive();

            // restart: GenerationRecovery resumes the batch
            long restart = System.nanoTime();
            app.start(Duration.ofMinutes(5));
            double readySeconds = (System.nanoTime() - restart) / 1e9;
            Resilience.awaitGenerated(sql, batchId, Duration.ofMinutes(5));
            double resumedSeconds = (System.nanoTime() - restart) / 1e9;
            long lines = Resilience.count(sql, "SELECT count(*) FROM payment_line WHERE batch_id = " + batchId);
            BigDecimal total = Resilience.sum(sql, "SELECT sum(amount) FROM payment_line WHERE batch_id = " + batchId);
            assertNoDuplicateLines(sql);

            // a clean run of the same month: discard the resumed batch and generate it again, untouched
            user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            long version = Resilience.count(sql, "SELECT lock_version " + batch);
            user.post(app.base(), "/payments/batches/" + batchId, "/payments/batches/" + batchId + "/discard",
                    Map.of("version", Long.toString(version)));
            assertThat(Resilience.string(sql, "SELECT state " + batch)).isEqualTo("DISCARDED");
            long clean = createBatch(user, month);
            long cleanStart = System.nanoTime();
            Resilience.awaitGenerated(sql, clean, Duration.ofMinutes(5));
            double cleanSeconds = (System.nanoTime() - cleanStart) / 1e9;
            long cleanLines = Resilience.count(sql, "SELECT count(*) FROM payment_line WHERE batch_id = " + clean);
            BigDecimal cleanTotal = Resilience.sum(sql, "SELECT sum(amount) FROM payment_line WHERE batch_id = " + clean);
            assertThat(lines).isEqualTo(cleanLines);
            assertThat(total).isEqualByComparingTo(cleanTotal);
            assertNoDuplicateLines(sql);
            System.out.printf("[FaultIT] batch: %,d entitlements; killed after %d of %d steps with %,d lines written "
                            + "(%.1f s after the request); restart ready in %.1f s, batch GENERATED %.1f s after the "
                            + "restart; %,d lines, total %s = clean run (%.1f s)%n", entitlements, stepsDone, stepsTotal,
                    linesAtKill, (killedAt - requested) / 1e9, readySeconds, resumedSeconds, lines, total, cleanSeconds);
        }
    }

    @Test
    void anImportKilledWhileBeingWrittenIsAbsentAndThenWhole() throws Exception {
        try (Connection sql = db.connect()) {
            WebUser user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            long importId = upload(user, sql, "kill-confirm.csv", 1930);
            Resilience.awaitState(sql, "SELECT state FROM elder_import WHERE id = " + importId, "VALIDATED",
                    Duration.ofMinutes(5));
            assertThat(Resilience.count(sql, "SELECT new_count FROM elder_import WHERE id = " + importId))
                    .isEqualTo(IMPORT_ROWS);
            long before = Resilience.count(sql, "SELECT count(*) FROM elder");

            // confirm, and kill -9 while the INSERT of the new elders runs
            WebUser confirming = user.sameCookies();
            String token = confirming.csrf(app.base(), "/elders/imports/" + importId);
            assertThat(token).isNotBlank();
            CompletableFuture<HttpResponse<String>> confirm = CompletableFuture.supplyAsync(() -> {
                try {
                    return confirming.post(app.base(), "/elders/imports/" + importId,
                            "/elders/imports/" + importId + "/confirm", Map.of());
                }
                catch (Exception e) {
                    return null;   // the node died under the request
                }
            });
            await("the confirmation's INSERT under way").atMost(Duration.ofMinutes(2)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> confirm.isDone() || Resilience.count(sql, """
                            SELECT count(*) FROM pg_stat_activity
                            WHERE state = 'active' AND query LIKE '%INSERT INTO elder (resident_id%'
                            """) > 0);
            assertThat(confirm).as("the confirmation was still running").isNotDone();
            app.kill();
            confirm.join();
            // the transaction died with its connection: nothing of the import is in the registry
            awaitNoActiveInsert(sql);
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder")).isEqualTo(before);
            assertThat(Resilience.string(sql, "SELECT state FROM elder_import WHERE id = " + importId)).isEqualTo("VALIDATED");

            app.start(Duration.ofMinutes(5));
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder")).isEqualTo(before);
            // the import is still waiting for confirmation; confirmed again, it is whole
            user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            user.post(app.base(), "/elders/imports/" + importId, "/elders/imports/" + importId + "/confirm", Map.of());
            assertThat(Resilience.string(sql, "SELECT state FROM elder_import WHERE id = " + importId)).isEqualTo("IMPORTED");
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder")).isEqualTo(before + IMPORT_ROWS);
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder WHERE name LIKE '导入测试%'")).isEqualTo(IMPORT_ROWS);
        }
    }

    @Test
    void anImportKilledWhileBeingReadIsMarkedInterruptedAtRestart() throws Exception {
        try (Connection sql = db.connect()) {
            WebUser user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            long before = Resilience.count(sql, "SELECT count(*) FROM elder");
            long importId = upload(user, sql, "kill-read.csv", 1940);
            await("the first rows of import " + importId + " staged").atMost(Duration.ofMinutes(2)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> Resilience.count(sql, "SELECT count(*) FROM elder_import_row WHERE import_id = " + importId) > 0);
            app.kill();
            assertThat(Resilience.string(sql, "SELECT state FROM elder_import WHERE id = " + importId)).isEqualTo("READING");

            app.start(Duration.ofMinutes(5));
            // ElderImportRecovery: nobody reads it any more (its advisory lock died with the node)
            assertThat(Resilience.string(sql, "SELECT state FROM elder_import WHERE id = " + importId)).isEqualTo("FAILED");
            assertThat(Resilience.string(sql, "SELECT failure_key FROM elder_import WHERE id = " + importId))
                    .isEqualTo("import.interrupted");
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder_import_row WHERE import_id = " + importId)).isZero();
            assertThat(Resilience.count(sql, "SELECT count(*) FROM elder")).isEqualTo(before);
            user = new WebUser();
            user.logIn(app.base(), "district", "yinling");
            assertThat(user.get(app.base(), "/elders/imports/" + importId).body()).contains("系统重启");
        }
    }

    @Test
    void theEmbeddedDatabaseOfAKilledApplicationIsTakenOverByTheRestart() throws Exception {
        int dbPort = AppProcess.freePort();
        Path dataDir = AppProcess.WORK.resolve("fault-embedded-data").toAbsolutePath();
        deleteRecursively(dataDir);
        AppProcess embedded = new AppProcess("fault-embedded", Map.of("yinling.db.embedded.port", Integer.toString(dbPort),
                "yinling.data-dir", dataDir.toString(), "yinling.demo.elders", "500"));
        try {
            embedded.start(Duration.ofMinutes(5));
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            embedded.kill();
            // the postmaster is a process of its own: it outlives the killed application
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            long restart = System.nanoTime();
            embedded.start(Duration.ofMinutes(5));
            System.out.printf("[FaultIT] embedded PostgreSQL left by a killed app: restart ready in %.1f s%n",
                    (System.nanoTime() - restart) / 1e9);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            WebUser user = new WebUser();
            user.logIn(embedded.base(), "district", "yinling");
            assertThat(user.get(embedded.base(), "/").statusCode()).isEqualTo(200);
        }
        finally {
            embedded.stop();
        }
        // a graceful stop also stops its PostgreSQL
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))).isFalse();
    }

    private static long createBatch(WebUser user, YearMonth month) throws Exception {
        HttpResponse<String> created = user.post(app.base(), "/payments/batches", "/payments/batches",
                Map.of("month", month.toString(), "carryFailed", "true"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/payments/batches/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void assertNoDuplicateLines(Connection sql) throws Exception {
        assertThat(Resilience.count(sql, """
                SELECT count(*) FROM (SELECT elder_id, policy_id, month FROM payment_line
                                      WHERE batch_id IN (SELECT id FROM payment_batch WHERE state <> 'DISCARDED')
                                      GROUP BY elder_id, policy_id, month HAVING count(*) > 1) d
                """)).isZero();
    }

    private static void awaitNoActiveInsert(Connection sql) {
        await("no INSERT into elder left").atMost(Duration.ofMinutes(2)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> Resilience.count(sql, """
                        SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%INSERT INTO elder (resident_id%'
                          AND pid <> pg_backend_pid() AND datname = current_database()
                        """) == 0);
    }

    /** IMPORT_ROWS new elders (resident IDs of Beijing's 110105, so never the demo's), as the template's columns. */
    private static long upload(WebUser user, Connection sql, String name, int birthYear) throws Exception {
        List<String> communities = new ArrayList<>();
        try (Statement statement = sql.createStatement();
             var rs = statement.executeQuery("SELECT code FROM region WHERE level = 'COMMUNITY' AND code LIKE '330105%' "
                     + "ORDER BY code")) {
            while (rs.next()) {
                communities.add(rs.getString(1));
            }
        }
        StringBuilder csv = new StringBuilder("身份证号,姓名,社区代码,居住地址,电话,居住状况,经济状况\n");
        for (int n = 0; n < IMPORT_ROWS; n++) {
            LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(n % 3650);
            String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", n / 3650 + 1);
            csv.append(body).append(check(body)).append(",导入测试").append(birthYear).append('-').append(n).append(',')
                    .append(communities.get(n % communities.size())).append(",导入路").append(n % 500).append("号,")
                    .append("1380000").append(n % 10_000).append(',').append(n % 3 == 0 ? "独居" : "与家人同住")
                    .append(',').append(n % 20 == 0 ? "低保" : "无").append('\n');
        }
        Path file = AppProcess.WORK.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        HttpResponse<String> response = user.upload(app.base(), "/elders/import", "/elders/import", name,
                Files.readAllBytes(file));
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("upload answered " + response.statusCode()));
        assertThat(location).matches(".*/elders/imports/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private static char check(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
