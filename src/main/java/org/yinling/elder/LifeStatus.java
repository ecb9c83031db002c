package org.yinling.elder;

/** Life status; a change away from ACTIVE stops subsidies (see the payment rules in domain.md). */
public enum LifeStatus {
    ACTIVE, DECEASED, MOVED_OUT;

    public String messageKey() {
        return "elder.lifeStatus." + name();
    }
}
