package org.yinling.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Per-client rate limits: at most the client's number of calls per minute, counted in fixed one-minute windows in
 * this node's memory (a cluster of n nodes behind a balancer lets through up to n times the limit; docs/security.md).
 */
@Component
class ApiRateLimiter {

    private final Clock clock;
    private final ConcurrentMap<Long, Window> windows = new ConcurrentHashMap<>();

    ApiRateLimiter(Clock clock) {
        this.clock = clock;
    }

    private record Window(long minute, int calls) {
    }

    /**
     * Counts a call of the client; 0 when it is within the limit, else the seconds until the next window (the
     * Retry-After).
     */
    long acquire(long clientId, int limitPerMinute) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        Window window = windows.compute(clientId, (id, current) ->
                current == null || current.minute() != minute ? new Window(minute, 1)
                        : new Window(minute, current.calls() == Integer.MAX_VALUE ? current.calls() : current.calls() + 1));
        if (window.calls() <= limitPerMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - millis + 999) / 1000);
    }
}
