package org.yinling.system;

/**
 * Text typed into a search, made literal for SQL {@code LIKE}: {@code %} and {@code _} match themselves, not "anything".
 * The escape character is {@value #ESCAPE} (not the backslash, which JPQL and SQL string literals treat differently):
 * queries say {@code LIKE ... ESCAPE '!'}.
 */
public final class LikePatterns {

    public static final char ESCAPE = '!';

    private LikePatterns() {
    }

    /** The text with {@code !}, {@code %} and {@code _} escaped by {@code !}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
