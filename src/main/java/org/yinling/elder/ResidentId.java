package org.yinling.elder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

import org.yinling.elder.InvalidResidentIdException.Reason;

/**
 * A validated Chinese resident identity number (公民身份号码, GB 11643-1999), always held in the
 * 18-character form: 6-digit address code, 8-digit birth date {@code YYYYMMDD}, 3-digit sequence
 * (odd last digit = male, even = female) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>Legacy 15-digit numbers ({@code YYMMDD}, no check character) are upgraded on parsing.
 * {@link #toString()} returns the {@linkplain #masked() masked} form so that the full number does not
 * leak into logs; use {@link #value()} where the full number is really needed.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Indexed by the weighted sum mod 11. */
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final int BODY_LENGTH = 17;
    private static final int LEGACY_LENGTH = 15;
    private static final int ADDRESS_LENGTH = 6;

    private final String value;
    private final LocalDate birthDate;

    private ResidentId(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses {@code raw} to look up or read an ID that was checked when it was entered: every check but the one
     * against today. New IDs are checked with {@link #parse(String, LocalDate)} and the application's clock.
     */
    public static ResidentId parse(String raw) {
        return parse(raw, LocalDate.MAX);
    }

    /**
     * Parses {@code raw} (surrounding whitespace ignored, lower-case {@code x} accepted).
     *
     * @param today birth dates after this day are rejected
     * @throws InvalidResidentIdException if {@code raw} is not a valid 15- or 18-digit resident ID
     */
    public static ResidentId parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null || raw.isBlank()) {
            throw new InvalidResidentIdException(Reason.BLANK);
        }
        String id = raw.strip();
        String body;
        Character givenCheck; // null for legacy 15-digit IDs, which have none
        if (id.length() == BODY_LENGTH + 1) {
            body = id.substring(0, BODY_LENGTH);
            char last = id.charAt(BODY_LENGTH);
            givenCheck = last == 'x' ? 'X' : last;
            if (!isAsciiDigits(body) || !(isAsciiDigit(givenCheck) || givenCheck == 'X')) {
                throw new InvalidResidentIdException(Reason.CHARACTERS);
            }
        } else if (id.length() == LEGACY_LENGTH) {
            if (!isAsciiDigits(id)) {
                throw new InvalidResidentIdException(Reason.CHARACTERS);
            }
            // Legacy numbers were only issued to people born in the 1900s.
            body = id.substring(0, ADDRESS_LENGTH) + "19" + id.substring(ADDRESS_LENGTH);
            givenCheck = null;
        } else {
            throw new InvalidResidentIdException(Reason.LENGTH);
        }

        // The date is checked before the check character so the user is told the more specific problem.
        LocalDate birthDate = birthDate(body, today);
        char expectedCheck = checkCharacter(body);
        if (givenCheck != null && givenCheck != expectedCheck) {
            throw new InvalidResidentIdException(Reason.CHECK_DIGIT);
        }
        return new ResidentId(body + expectedCheck, birthDate);
    }

    /**
     * {@code raw} as someone pasted or typed it, made ready for {@link #parse}: spaces (also full-width and
     * non-breaking) and hyphens or dashes between the groups taken out, full-width digits and Ｘ made ASCII
     * ({@code "330105 19491231 002Ｘ"} → {@code "33010519491231002X"}). Null stays null; nothing else changes, so that
     * anything that is not a number is still refused by {@link #parse} with its reason.
     */
    public static String normalised(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder id = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010' || c == '\u2011'
                    || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '\uFF0D') {
                return;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                id.append((char) ('0' + (c - '\uFF10')));
            }
            else if (c == '\uFF38' || c == '\uFF58') {
                id.append('X');
            }
            else {
                id.appendCodePoint(c);
            }
        });
        return id.toString();
    }

    /** Like {@link #parse(String)} but returns empty instead of throwing. */
    public static Optional<ResidentId> tryParse(String raw) {
        return tryParse(raw, LocalDate.MAX);
    }

    /** Like {@link #parse(String, LocalDate)} but returns empty instead of throwing. */
    public static Optional<ResidentId> tryParse(String raw, LocalDate today) {
        try {
            return Optional.of(parse(raw, today));
        } catch (InvalidResidentIdException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String raw) {
        return tryParse(raw).isPresent();
    }

    public static boolean isValid(String raw, LocalDate today) {
        return tryParse(raw, today).isPresent();
    }

    /**
     * ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != BODY_LENGTH || !isAsciiDigits(first17)) {
            throw new IllegalArgumentException("Expected exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < BODY_LENGTH; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The full 18-character number, check character upper-case. Personal data: do not log. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        int sequenceLastDigit = value.charAt(BODY_LENGTH - 1) - '0';
        return sequenceLastDigit % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit administrative division code of the place of first registration. */
    public String addressCode() {
        return value.substring(0, ADDRESS_LENGTH);
    }

    /** First 6 and last 4 characters with the 8 in between (the birth date) hidden, e.g. {@code 330105********123X}. */
    public String masked() {
        return mask(value);
    }

    /** The masked form of a stored 18-character ID, without checking it again (snapshots, lists from SQL). */
    public static String mask(String residentId) {
        return residentId.substring(0, ADDRESS_LENGTH) + "********" + residentId.substring(residentId.length() - 4);
    }

    /**
     * Age in full years (周岁) on {@code date}. Someone born on 29 February becomes a year older on
     * 1 March in common years.
     *
     * @throws IllegalArgumentException if {@code date} is before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("Date is before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form; never the full number. */
    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDate(String body, LocalDate today) {
        int year = Integer.parseInt(body.substring(6, 10));
        int month = Integer.parseInt(body.substring(10, 12));
        int day = Integer.parseInt(body.substring(12, 14));
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidResidentIdException(Reason.BIRTH_DATE);
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidResidentIdException(Reason.BIRTH_DATE);
        }
        if (date.isAfter(today)) {
            throw new InvalidResidentIdException(Reason.FUTURE_BIRTH_DATE);
        }
        return date;
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Character.isDigit would also accept full-width and other Unicode digits.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
