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

    public String messageKey() {
        return "visit.area." + name();
    }
}
