package org.yinling.elder;

import java.util.Locale;
import java.util.Objects;

/**
 * Thrown when a string is not a valid Chinese resident identity number.
 *
 * <p>The message deliberately never contains the rejected input: it is personal data and
 * exception messages tend to end up in logs.
 */
public class InvalidResidentIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the input was rejected; each reason has its own UI message. */
    public enum Reason {
        /** Null, empty or only whitespace. */
        BLANK,
        /** Neither 15 nor 18 characters after trimming. */
        LENGTH,
        /** Something other than ASCII digits, or an X anywhere but the last position of an 18-digit ID. */
        CHARACTERS,
        /** The embedded birth date is not a real calendar date or is before 1900-01-01. */
        BIRTH_DATE,
        /** The embedded birth date lies after "today". */
        FUTURE_BIRTH_DATE,
        /** The check character does not match the ISO 7064 MOD 11-2 check of the first 17 digits. */
        CHECK_DIGIT
    }

    private final Reason reason;

    public InvalidResidentIdException(Reason reason) {
        super("Invalid resident ID: " + Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** UI message key, e.g. {@code elder.residentId.check_digit}. */
    public String messageKey() {
        return "elder.residentId." + reason.name().toLowerCase(Locale.ROOT);
    }
}
