package org.yinling.subsidy;

import java.time.Instant;

/** One row of the insert-only decision log. */
public record DecisionRecord(long id, DecisionAction action, ApplicationStage stageFrom, ApplicationStage stageTo, String note,
                      String decidedBy, Instant decidedAt, String deciderName) {
}
