package org.yinling.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts per key in fixed one-minute windows of the application's clock, in this node's memory: the API's rate
 * limit per client and the token endpoint's failed attempts per client id. At most {@code maxKeys} keys are
 * followed at once; windows of past minutes are dropped first, and a key that finds no room is not counted.
 */
final class MinuteCounter<K> {

    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentMap<K, Window> windows = new ConcurrentHashMap<>();

    MinuteCounter(Clock clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    private record Window(long minute, int count) {
    }

    /** Counts one more for the key; returns its count in this minute (0 if there was no room to follow it). */
    int add(K key) {
        long minute = minute();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            windows.values().removeIf(window -> window.minute() != minute);
            if (windows.size() >= maxKeys) {
                return 0;
            }
        }
        return windows.merge(key, new Window(minute, 1), (old, first) -> old.minute() != minute ? first
                : new Window(minute, old.count() == Integer.MAX_VALUE ? old.count() : old.count() + 1)).count();
    }

    /** The key's count in this minute. */
    int count(K key) {
        Window window = windows.get(key);
        return window == null || window.minute() != minute() ? 0 : window.count();
    }

    /** Seconds until the next minute's window (at least 1): the Retry-After of a refusal. */
    long secondsLeft() {
        long millis = clock.millis();
        return Math.max(1, ((millis / 60_000 + 1) * 60_000 - millis + 999) / 1000);
    }

    private long minute() {
        return clock.millis() / 60_000;
    }
}
