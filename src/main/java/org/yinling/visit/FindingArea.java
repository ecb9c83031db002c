package org.yinling.visit;

/** The five areas of a visit's findings; each names its columns of table {@code visit}. */
public enum FindingArea {
    HEALTH("health"), HOME_SAFETY("home_safety"), MONEY("money"), FAMILY("family"), SERVICES("services");

    private final String column;

    FindingArea(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** The form field of the area's finding, e.g. {@code homeSafety} (its note is {@code homeSafetyNote}). */
    public String field() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    public String messageKey() {
        return "visit.area." + name();
    }
}
