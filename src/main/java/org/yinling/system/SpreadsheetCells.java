package org.yinling.system;

/**
 * Text that goes into spreadsheet cells and into the bank's CSV, and the one rule that keeps it from being read as a
 * formula without changing it.
 * <p>
 * Every .xlsx the app writes (fastexcel) stores a {@code String} as a typed string cell (an inline or shared
 * string, {@code t="inlineStr"} or {@code t="s"}), never as a formula ({@code <f>}): Excel and WPS show such a
 * cell as text whatever its first character, so the value goes out exactly as it was recorded. Nothing is prefixed:
 * an apostrophe would become part of an account holder's name at the bank.
 * <p>
 * A CSV cannot carry a type, so the names that reach the bank list (elders, institutions, meal points) may not
 * start with {@code = + - @} at entry ({@link #NO_FORMULA_START}); the bank CSV itself is sent unchanged, as data
 * for the bank's import tool (docs/security.md, "The bank CSV: sent unchanged", gives the reasons).
 */
public final class SpreadsheetCells {

    /**
     * For {@code @Pattern}: text that does not start like a spreadsheet formula ({@code = + - @}). Control
     * characters (tab, carriage return) are refused by the fields' own character rule.
     */
    public static final String NO_FORMULA_START = "(?s)(?![=+\\-@]).*";

    private SpreadsheetCells() {
    }

    /** Whether a spreadsheet would read the text as a formula if it were typed in or opened from a CSV. */
    public static boolean startsLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
