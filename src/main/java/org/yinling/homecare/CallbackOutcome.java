package org.yinling.homecare;

/** What a call-back found: 按记录上门, 部分, 未上门, 投诉. */
enum CallbackOutcome {
    DELIVERED, PARTLY, NOT_DELIVERED, COMPLAINT;

    String messageKey() {
        return "homecare.callbacks.outcome." + name();
    }

    public String getMessageKey() {
        return messageKey();
    }
}
