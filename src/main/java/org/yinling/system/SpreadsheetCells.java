package org.yinling.system;

/**
 * Text going into a spreadsheet cell. A cell that begins with {@code = + - @}, a tab or a carriage return would be
 * read by Excel or WPS as a formula (CSV/formula injection); such text gets a leading apostrophe so it stays text.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
