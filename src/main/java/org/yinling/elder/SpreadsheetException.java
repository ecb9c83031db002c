package org.yinling.elder;

/** An uploaded file that cannot be read as a spreadsheet; the message key says why in the user's language. */
class SpreadsheetException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    SpreadsheetException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    SpreadsheetException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.arguments = new Object[0];
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
