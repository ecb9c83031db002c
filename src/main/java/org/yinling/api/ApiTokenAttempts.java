package org.yinling.api;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Failed token requests per client id: after {@value #FAILURES_PER_MINUTE} wrong secrets for one client id within a
 * minute, the token endpoint answers 429 for that id until the minute ends, before any secret is checked. Each check
 * costs a BCrypt comparison (tens of milliseconds of CPU), so a misconfigured client retrying in a loop, or someone
 * trying secrets for a known id, costs little; a client with the right secret waits at most a minute, and its
 * tokens already issued keep working. Counted in this node's memory ({@link MinuteCounter}, like
 * {@link ApiRateLimiter}); at most {@value #MAX_TRACKED} ids are followed at once.
 */
@Component
class ApiTokenAttempts {

    static final int FAILURES_PER_MINUTE = 10;
    static final int MAX_TRACKED = 10_000;
    /** A client id is a number; a longer text is cut so that the counter's keys stay small. */
    private static final int KEY_LENGTH = 20;

    private final MinuteCounter<String> failures;

    ApiTokenAttempts(Clock clock) {
        this.failures = new MinuteCounter<>(clock, MAX_TRACKED);
    }

    /** 0 when the client id may try now, else the seconds until it may (the Retry-After). */
    long retryAfter(String clientId) {
        return failures.count(key(clientId)) < FAILURES_PER_MINUTE ? 0 : failures.secondsLeft();
    }

    /** Counts a wrong secret (or an unknown or revoked client) for the id. */
    void failed(String clientId) {
        failures.add(key(clientId));
    }

    private static String key(String clientId) {
        return clientId.length() <= KEY_LENGTH ? clientId : clientId.substring(0, KEY_LENGTH);
    }
}
