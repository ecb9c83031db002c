package org.yinling.homecare;

/**
 * What became of an action on an order: done, or refused with the message (a key and its arguments) the user sees;
 * a refusal has changed nothing.
 */
record OrderOutcome(boolean done, String messageKey, Object... arguments) {

    static OrderOutcome done(String messageKey, Object... arguments) {
        return new OrderOutcome(true, messageKey, arguments);
    }

    static OrderOutcome refused(String messageKey, Object... arguments) {
        return new OrderOutcome(false, messageKey, arguments);
    }
}
