package org.yinling.supervision;

/** How serious a failed checklist item is; it sets the finding's deadline. */
public enum Severity {
    RED, ORANGE, YELLOW, BLUE;

    /** The badge's colour classes. */
    public String badgeClass() {
        return switch (this) {
            case RED -> "text-bg-danger";
            case ORANGE -> "text-bg-warning";
            case YELLOW -> "text-bg-light border border-warning";
            case BLUE -> "text-bg-primary";
        };
    }

    public String messageKey() {
        return "supervision.severity." + name();
    }
}
