package org.yinling.elder;

import java.util.Objects;

/**
 * What became of one received event, for the answer: its index and id, the outcome (a stable code, see
 * docs/api.md §6), the message key of the explanation with its arguments, and for a repeated delivery the outcome
 * of the first.
 */
record InboundEventResult(int index, String eventId, String outcome, String messageKey, Object[] arguments,
                          String firstOutcome) {

    static final String MATCHED = "matched";
    static final String WAITING = "waiting-for-confirmation";
    static final String DUPLICATE = "duplicate";
    static final String CONFLICT = "conflict";
    static final String CANCELLED = "cancelled";

    /** The answer for an event: as stored now, and told apart as a repeat when this delivery did not claim it. */
    static InboundEventResult of(InboundEvent event, boolean claimed, InboundEventStore.Stored stored) {
        if (stored == null) {
            // claimed by a delivery that has not linked it (cannot outlive its transaction): a repeat all the same
            return new InboundEventResult(event.index(), event.eventId(), DUPLICATE,
                    "api.events.message.duplicatePending", new Object[0], null);
        }
        InboundEventResult first = stored(event, stored);
        if (claimed) {
            return first;
        }
        if (!Objects.equals(stored.contentHash(), event.fingerprint())) {
            return new InboundEventResult(event.index(), event.eventId(), CONFLICT, "api.events.message.idReused",
                    new Object[] {stored.receivedAt().withNano(0).toString()}, first.outcome());
        }
        return new InboundEventResult(event.index(), event.eventId(), DUPLICATE, "api.events.message.duplicate",
                new Object[] {stored.receivedAt().withNano(0).toString()}, first.outcome());
    }

    private static InboundEventResult stored(InboundEvent event, InboundEventStore.Stored stored) {
        String outcome;
        String key = stored.reason();
        Object[] arguments = new Object[0];
        if (stored.outcome() == StatusImportOutcome.MATCHED) {
            switch (stored.state()) {
                case UPLOADED -> {
                    outcome = WAITING;
                    key = "api.events.message.waiting";
                    arguments = new Object[] {stored.importId()};
                }
                case CANCELLED -> {
                    outcome = CANCELLED;
                    key = "api.events.message.cancelled";
                }
                default -> {
                    outcome = MATCHED;
                    key = key == null ? "api.events.message.applied" : key;
                }
            }
        }
        else {
            outcome = stored.outcome().name().toLowerCase().replace('_', '-');
        }
        return new InboundEventResult(event.index(), event.eventId(), outcome, key, arguments, null);
    }
}
