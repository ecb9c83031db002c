package org.yinling.resilience;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running application: pages answer 503 with a clear page within seconds (also the
 * login, and the session lookup that runs before Spring MVC), and the application recovers by itself when the
 * database is back, without a restart.
 */
class DatabaseOutageIT {

    static TestPostgres db;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        db = new TestPostgres("outage");
        app = new AppProcess("outage-app", AppProcess.onDatabase(db.jdbcUrl(), 300)).start(Duration.ofMinutes(5));
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
    void pagesSayServiceUnavailableWhileTheDatabaseIsDownAndRecoverWhenItIsBack() throws Exception {
        WebUser user = new WebUser();
        user.logIn(app.base(), "district", "yinling");
        assertThat(user.get(app.base(), "/elders").statusCode()).isEqualTo(200);
        WebUser stranger = new WebUser();
        String loginToken = stranger.csrf(app.base(), "/login");
        assertThat(loginToken).isNotBlank();

        db.stop();
        long down = System.nanoTime();
        try {
            // a logged-in page: the session itself is in the database, so this fails in Spring Session's filter
            long asked = System.nanoTime();
            HttpResponse<String> page = user.get(app.base(), "/elders");
            double seconds = (System.nanoTime() - asked) / 1e9;
            assertServiceUnavailable(page, "服务暂不可用，请稍后再试");
            assertThat(seconds).as("answered promptly").isLessThan(10);
            System.out.printf("[DatabaseOutageIT] a page with the database down: 503 in %.1f s%n", seconds);

            // in English, by the language cookie
            assertServiceUnavailable(user.get(app.base(), "/elders?lang=en"), "Service temporarily unavailable");

            // a login: the user store cannot be asked (not "wrong password")
            HttpResponse<String> login = stranger.postWithToken(app.base(), loginToken, "/login",
                    Map.of("username", "district", "password", "yinling"));
            assertServiceUnavailable(login, "服务暂不可用");

            // health says so too
            assertThat(new WebUser().get(app.base(), "/actuator/health").statusCode()).isEqualTo(503);
        }
        finally {
            db.start();
        }
        double outage = (System.nanoTime() - down) / 1e9;

        // back without restarting the application: the same session, the same page
        long back = System.nanoTime();
        HttpResponse<String> page = await("the registry served again").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> user.get(app.base(), "/elders"), response -> response.statusCode() == 200);
        double recovery = (System.nanoTime() - back) / 1e9;
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("服务暂不可用");
        WebUser again = new WebUser();
        again.logIn(app.base(), "street", "yinling");
        assertThat(again.get(app.base(), "/").statusCode()).isEqualTo(200);
        System.out.printf("[DatabaseOutageIT] outage of %.1f s; first page served %.1f s after the database was back%n",
                outage, recovery);
    }

    private static void assertServiceUnavailable(HttpResponse<String> response, String text) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains(text)
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.");
    }
}
