package org.yinling.elder;

/** An upload refused because enough imports are being read already; {@link #messageKey()} says whose. */
class ImportsBusyException extends RuntimeException {

    private final String messageKey;

    ImportsBusyException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
