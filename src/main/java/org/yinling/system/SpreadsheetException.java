package org.yinling.system;

/** An uploaded file that cannot be read as a spreadsheet; the message key says why in the user's language. */
public class SpreadsheetException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public SpreadsheetException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public SpreadsheetException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.arguments = new Object[0];
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
