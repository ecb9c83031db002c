package org.yinling.elder;

/** An elder as a list shows it: the resident ID masked. */
public record ElderRow(long id, String maskedResidentId, String name, Sex sex, int age, String communityCode,
                LivingArrangement livingArrangement, EconomicStatus economicStatus, Integer capabilityLevel,
                LifeStatus lifeStatus) {

    /** Whether {@link #age()} is the age at death. */
    public boolean deceased() {
        return lifeStatus == LifeStatus.DECEASED;
    }

    public String capabilityLevelKey() {
        return capabilityLevel == null ? null : CapabilityLevel.fromCode(capabilityLevel).messageKey();
    }
}
