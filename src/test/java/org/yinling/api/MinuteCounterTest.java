package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The rate limits' counting: per key, per minute of the clock, with a bound on the keys followed. */
class MinuteCounterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:15Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void countsPerKeyWithinTheMinuteAndStartsAgainInTheNext() {
        MinuteCounter<String> counter = new MinuteCounter<>(clock, 10);
        assertThat(counter.add("a")).isEqualTo(1);
        assertThat(counter.add("a")).isEqualTo(2);
        assertThat(counter.add("b")).isEqualTo(1);
        assertThat(counter.count("a")).isEqualTo(2);
        assertThat(counter.secondsLeft()).isEqualTo(45);

        now.set(now.get().plus(Duration.ofSeconds(45)));
        assertThat(counter.count("a")).isZero();
        assertThat(counter.add("a")).isEqualTo(1);
        assertThat(counter.secondsLeft()).isEqualTo(60);
    }

    @Test
    void followsAtMostMaxKeysDroppingPastMinutesFirst() {
        MinuteCounter<Integer> counter = new MinuteCounter<>(clock, 2);
        counter.add(1);
        counter.add(2);
        assertThat(counter.add(3)).as("no room this minute").isZero();
        assertThat(counter.add(1)).as("a followed key still counts").isEqualTo(2);

        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(counter.add(3)).as("last minute's windows made room").isEqualTo(1);
    }

    @Test
    void tenFailedTokenAttemptsBlockTheIdUntilTheMinuteEnds() {
        ApiTokenAttempts attempts = new ApiTokenAttempts(clock);
        for (int i = 0; i < ApiTokenAttempts.FAILURES_PER_MINUTE - 1; i++) {
            attempts.failed("7");
        }
        assertThat(attempts.retryAfter("7")).isZero();
        attempts.failed("7");
        assertThat(attempts.retryAfter("7")).isEqualTo(45);
        assertThat(attempts.retryAfter("8")).isZero();
        now.set(now.get().plus(Duration.ofSeconds(45)));
        assertThat(attempts.retryAfter("7")).isZero();
    }
}
