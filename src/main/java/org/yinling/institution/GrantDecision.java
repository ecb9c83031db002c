package org.yinling.institution;

import java.time.Instant;

/** One step of a grant's insert-only decision log. */
public record GrantDecision(String action, String stageFrom, String stageTo, String note, String decidedBy,
                            Instant decidedAt) {

    public String actionKey() {
        return "subsidy.action." + action;
    }

    public String stageToKey() {
        return "subsidy.stage." + stageTo;
    }
}
