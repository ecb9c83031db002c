package org.yinling.elder;

import java.time.LocalDate;

/** One assessment in an elder's history. */
public record AssessmentRecord(long id, LocalDate assessedOn, AssessmentReason reason, int total, CapabilityLevel baseLevel,
                        CapabilityLevel level, boolean coma, boolean dementia, int riskEvents, String assessor,
                        String secondAssessor, String agencyName, LocalDate validUntil, ReviewCause reviewCause,
                        String reviewNote) {

    public boolean adjusted() {
        return baseLevel != level;
    }
}
