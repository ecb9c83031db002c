package org.yinling.elder;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one search of elders by what a user types in a single text field, for every page that offers it (the registry,
 * subsidy applications and their review queues, the meal counter): the text becomes one condition over the
 * {@code elder} table, chosen so that an index serves it at city scale (V4, V8, docs/performance.md):
 * <ul>
 * <li>the last 4–6 characters of the resident ID (digits; the last may be {@code X} or {@code x}):
 * {@code reverse(resident_id) LIKE 'reversed%'}, served by {@code elder_resident_id_reversed_idx};</li>
 * <li>a whole resident ID, 18 characters (a lower-case {@code x} is read as {@code X}) or a legacy 15-digit number
 * (looked up in its 18-character form): {@code resident_id = …}, served by {@code elder_resident_id_uq};</li>
 * <li>anything else: the start of the name, {@code name COLLATE "C" LIKE 'text%'} with LIKE's wildcards escaped,
 * served by {@code elder_name_idx} and {@code elder_name_scope_idx}.</li>
 * </ul>
 * The value is always bound as the named parameter {@value #PARAMETER}; the SQL text depends only on the kind of
 * search and the table alias. Callers add their own conditions (region scope, life status), order and limit.
 */
public final class ElderTextSearch {

    /** The named parameter that {@link #condition(String)} uses; bind {@link #value()} to it. */
    public static final String PARAMETER = "elderText";

    private static final Pattern ID_SUFFIX = Pattern.compile("[0-9]{4,6}|[0-9]{3,5}[Xx]");
    private static final Pattern FULL_ID = Pattern.compile("[0-9]{15}|[0-9]{17}[0-9Xx]");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

    /** What the text was read as. */
    public enum Kind {
        /** The last 4–6 characters of the resident ID. */
        ID_SUFFIX,
        /** A whole resident ID (18 characters, or 15 digits upgraded to 18). */
        FULL_ID,
        /** The first characters of the name. */
        NAME_PREFIX
    }

    private final Kind kind;
    private final String value;

    private ElderTextSearch(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /** The search for the text typed; empty when it is blank (then nothing is searched for: no condition). */
    public static Optional<ElderTextSearch> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (ID_SUFFIX.matcher(typed).matches()) {
            // the last characters: a prefix match on the reversed number
            return Optional.of(new ElderTextSearch(Kind.ID_SUFFIX,
                    new StringBuilder(typed.toUpperCase(Locale.ROOT)).reverse() + "%"));
        }
        if (FULL_ID.matcher(typed).matches()) {
            // the 18-character form of a valid number (a 15-digit one upgraded); else exactly what was typed, so that
            // a stored number whose check character is wrong is still found by typing it. No "today": a search
            // refuses no birth date.
            String id = ResidentId.tryParse(typed, LocalDate.MAX).map(ResidentId::value)
                    .orElse(typed.toUpperCase(Locale.ROOT));
            return Optional.of(new ElderTextSearch(Kind.FULL_ID, id));
        }
        return Optional.of(new ElderTextSearch(Kind.NAME_PREFIX, escapeLike(typed) + "%"));
    }

    public Kind kind() {
        return kind;
    }

    /** The bind value of {@value #PARAMETER}: a LIKE pattern for a suffix or a name, the ID for a whole ID. */
    public String value() {
        return value;
    }

    /** {@value #PARAMETER} and its value, to add to a statement's named parameters. */
    public Map<String, Object> params() {
        return Map.of(PARAMETER, value);
    }

    /**
     * The condition over the elder table known in the statement as {@code alias}, with the named parameter
     * {@value #PARAMETER}.
     */
    public String condition(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Not a table alias: " + alias);
        }
        return switch (kind) {
            case ID_SUFFIX -> "reverse(" + alias + ".resident_id) LIKE :" + PARAMETER;
            case FULL_ID -> alias + ".resident_id = :" + PARAMETER;
            case NAME_PREFIX -> alias + ".name COLLATE \"C\" LIKE :" + PARAMETER;
        };
    }

    @Override
    public String toString() {
        return kind.name(); // never the value: it may be a whole resident ID
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
