package org.yinling.payment;

/** A month paid in its own batch, a month paid late (back-pay), or a failed line paid again. */
public enum LineKind {
    REGULAR, BACK_PAY, CARRIED;

    public String messageKey() {
        return "payment.lineKind." + name();
    }
}
