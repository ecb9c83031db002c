package org.yinling.homecare;

import java.util.Set;

/** The states of a home-care work order (docs/home-care.md, "Order states"); each has a message key. */
enum OrderState {
    PENDING_DISPATCH, DISPATCHED, ACCEPTED, CHECKED_IN, CHECKED_OUT, CONFIRMED, CALLED_BACK, CANCELLED, MISSED;

    /** Orders a provider has not yet served: they may still be cancelled or reported missed. */
    static final Set<OrderState> OPEN = Set.of(PENDING_DISPATCH, DISPATCHED, ACCEPTED);

    public String messageKey() {
        return "homecare.order.state." + name();
    }

    /** Parses a state from a request; null when blank or unknown. */
    static OrderState parse(String value) {
        if (value == null) {
            return null;
        }
        for (OrderState state : values()) {
            if (state.name().equals(value)) {
                return state;
            }
        }
        return null;
    }
}
