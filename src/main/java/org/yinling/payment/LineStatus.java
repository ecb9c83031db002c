package org.yinling.payment;

/** Waiting for the bank, paid, or failed (with the bank's reason). */
public enum LineStatus {
    PENDING, PAID, FAILED;

    public String messageKey() {
        return "payment.lineStatus." + name();
    }
}
