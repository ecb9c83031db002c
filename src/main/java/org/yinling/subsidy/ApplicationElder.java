package org.yinling.subsidy;

import org.yinling.elder.LifeStatus;
import org.yinling.subsidy.rule.EligibilityFacts;

/** The elder an application is for, as the subsidy pages show it: the resident ID masked. */
public record ApplicationElder(long id, String name, String maskedResidentId, String communityCode, LifeStatus lifeStatus,
                        EligibilityFacts facts) {

    public boolean active() {
        return lifeStatus == LifeStatus.ACTIVE;
    }
}
