package org.yinling.subsidy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yinling.subsidy.rule.Attribute;

/**
 * Every night, the entitlements of policies that require a valid capability assessment (the rule attribute
 * {@link Attribute#ASSESSMENT_VALID}) are re-evaluated: an elder whose assessment ran out is flagged for the street's
 * re-check (issue 21 §5). Nothing else ends an assessment's validity than the passing of time, so no event does it.
 */
@Component
class AssessmentLapse {

    static final String CAUSE = "ASSESSMENT_LAPSED";

    private final EntitlementRecheck recheck;

    AssessmentLapse(EntitlementRecheck recheck) {
        this.recheck = recheck;
    }

    @Scheduled(cron = "${yinling.subsidy.assessment-lapse-cron:0 40 0 * * *}", zone = "${yinling.time-zone:Asia/Shanghai}")
    int run() {
        return recheck.reevaluatePoliciesTesting(Attribute.ASSESSMENT_VALID, CAUSE);
    }
}
