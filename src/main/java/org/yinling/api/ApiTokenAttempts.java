package org.yinling.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Failed token requests per client id: after {@value #FAILURES_PER_MINUTE} wrong secrets for one client id within a
 * minute, the token endpoint answers 429 for that id until the minute ends, before any secret is checked. Each check
 * costs a BCrypt comparison (tens of milliseconds of CPU), so a misconfigured client retrying in a loop, or someone
 * trying secrets for a known id, costs little; a client with the right secret waits at most a minute, and its
 * tokens already issued keep working. Counted in this node's memory like {@link ApiRateLimiter}; at most
 * {@value #MAX_TRACKED} ids are followed at once (windows of past minutes are dropped first).
 */
@Component
class ApiTokenAttempts {

    static final int FAILURES_PER_MINUTE = 10;
    static final int MAX_TRACKED = 10_000;
    /** A client id is a number; a longer text is cut so that the map's keys stay small. */
    private static final int KEY_LENGTH = 20;

    private final Clock clock;
    private final ConcurrentMap<String, Window> failures = new ConcurrentHashMap<>();

    ApiTokenAttempts(Clock clock) {
        this.clock = clock;
    }

    private record Window(long minute, int failures) {
    }

    /** 0 when the client id may try now, else the seconds until it may (the Retry-After). */
    long retryAfter(String clientId) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        Window window = failures.get(key(clientId));
        if (window == null || window.minute() != minute || window.failures() < FAILURES_PER_MINUTE) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - millis + 999) / 1000);
    }

    /** Counts a wrong secret (or an unknown or revoked client) for the id. */
    void failed(String clientId) {
        long minute = clock.millis() / 60_000;
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(window -> window.minute() != minute);
            if (failures.size() >= MAX_TRACKED) {
                return;
            }
        }
        failures.merge(key(clientId), new Window(minute, 1), (old, first) ->
                old.minute() == minute ? new Window(minute, old.failures() + 1) : first);
    }

    private static String key(String clientId) {
        return clientId.length() <= KEY_LENGTH ? clientId : clientId.substring(0, KEY_LENGTH);
    }
}
