package org.yinling.api;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Per-client rate limits: at most the client's number of calls per minute, counted in fixed one-minute windows in
 * this node's memory (a cluster of n nodes behind a balancer lets through up to n times the limit; docs/security.md).
 */
@Component
class ApiRateLimiter {

    /** Far more than there are clients: every client is followed. */
    private static final int MAX_CLIENTS = 100_000;

    private final MinuteCounter<Long> calls;

    ApiRateLimiter(Clock clock) {
        this.calls = new MinuteCounter<>(clock, MAX_CLIENTS);
    }

    /**
     * Counts a call of the client; 0 when it is within the limit, else the seconds until the next window (the
     * Retry-After).
     */
    long acquire(long clientId, int limitPerMinute) {
        return calls.add(clientId) <= limitPerMinute ? 0 : calls.secondsLeft();
    }
}
