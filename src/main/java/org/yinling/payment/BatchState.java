package org.yinling.payment;

/** GENERATING → GENERATED → APPROVED → EXPORTED → SETTLED; DISCARDED before approval. */
public enum BatchState {
    GENERATING, GENERATED, APPROVED, EXPORTED, SETTLED, DISCARDED;

    public String messageKey() {
        return "payment.state." + name();
    }
}
