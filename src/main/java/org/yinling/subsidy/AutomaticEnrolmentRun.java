package org.yinling.subsidy;

import java.time.Instant;
import java.util.Map;

/**
 * One run of automatic enrolment: RUNNING in the background, then DONE with the applications created per street
 * (12-digit street code → count) and in total, or FAILED.
 */
public record AutomaticEnrolmentRun(long id, long policyId, String policyCode, String state, Integer createdCount,
                                    Map<String, Long> byStreet, Long millis, String startedBy, Instant startedAt,
                                    Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public boolean done() {
        return "DONE".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }

    /** Seconds the run's statement took, or null before it finished. */
    public Double seconds() {
        return millis == null ? null : millis / 1000.0;
    }
}
