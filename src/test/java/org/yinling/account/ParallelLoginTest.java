package org.yinling.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Penetration test finding M1: 40–100 wrong logins for one account sent at the same moment were all checked before
 * the lock landed, so the lockout did not limit guessing. Here 50 wrong passwords arrive at once, each a real login
 * request through the filter chain on its own thread: at most the configured number of them may have their password
 * compared, and afterwards even the right password is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ParallelLoginTest {

    private static final int PARALLEL = 50;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Value("${yinling.security.max-failed-logins}")
    int maxFailedLogins;

    @Test
    void fiftyParallelWrongPasswordsGetNoMoreChecksThanTheLockoutAllows() throws Exception {
        String username = "parallel" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, 'Test', ?, 'STREET_REVIEWER', '330105001000')
                        """)
                .params(username, passwordEncoder.encode("Correct123")).update();

        List<String> answers = guessAtOnce(username);

        // each attempt is told "wrong password" or "locked": the first only when its password was compared
        assertThat(answers).hasSize(PARALLEL).allMatch(url -> "/login?error=bad".equals(url)
                || "/login?error=locked".equals(url), "a redirect to the login page with its reason");
        long compared = failures(username, "BadCredentialsException");
        assertThat(compared).as("passwords compared (audited as wrong) out of %d parallel guesses", PARALLEL)
                .isLessThanOrEqualTo(maxFailedLogins);
        assertThat(answers.stream().filter("/login?error=bad"::equals).count()).isEqualTo(compared);
        assertThat(failures(username, "LockedException")).isEqualTo(PARALLEL - compared);
        assertThat(count(username, "ACCOUNT_LOCKED")).isEqualTo(1);

        // the lock holds: the right password is refused as well
        mvc.perform(formLogin("/login").user(username).password("Correct123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(failures(username, "BadCredentialsException")).isEqualTo(compared);
    }

    /** {@value #PARALLEL} wrong passwords, released together once every thread is ready; the redirect of each. */
    private List<String> guessAtOnce(String username) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch ready = new CountDownLatch(PARALLEL);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> attempts = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String guess = "Guess" + i + "x";
                attempts.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return mvc.perform(formLogin("/login").user(username).password(guess))
                            .andReturn().getResponse().getRedirectedUrl();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> attempt : attempts) {
                answers.add(attempt.get(120, TimeUnit.SECONDS));
            }
            return answers;
        }
        finally {
            threads.shutdownNow();
        }
    }

    private long failures(String username, String reason) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit_event
                        WHERE actor = ? AND action = 'LOGIN_FAILED' AND details ->> 'reason' = ?
                        """)
                .params(username, reason).query(Long.class).single();
    }

    private long count(String username, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = ?")
                .params(username, action).query(Long.class).single();
    }
}
