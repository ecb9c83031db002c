package org.yinling.subsidy;

/** Where an application stands in the review chain (社区受理 → 街道初审 → 区审批 → 公示 → 享受). */
public enum ApplicationStage {
    RETURNED, STREET_REVIEW, DISTRICT_REVIEW, PUBLICITY, APPROVED, REJECTED, WITHDRAWN;

    public String messageKey() {
        return "subsidy.stage." + name();
    }
}
