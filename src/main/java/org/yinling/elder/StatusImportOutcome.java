package org.yinling.elder;

/** What became of one row of a list when it was checked against the registry. */
public enum StatusImportOutcome {

    /** An active elder in the uploader's region; confirmation changes their life status. */
    MATCHED("text-bg-success"),
    /** No elder with this ID in the uploader's region (an ID registered elsewhere looks the same). */
    UNMATCHED("text-bg-secondary"),
    /** The elder is already deceased or moved out. */
    ALREADY_INACTIVE("text-bg-light"),
    /** The row contradicts itself, the registry or another row: date in the future or before birth, two dates. */
    CONFLICT("text-bg-warning"),
    /** The ID or the date cannot be read. */
    INVALID("text-bg-danger");

    private final String badge;

    StatusImportOutcome(String badge) {
        this.badge = badge;
    }

    public String messageKey() {
        return "statusImport.outcome." + name();
    }

    /** Bootstrap classes of the outcome's badge. */
    public String badge() {
        return badge;
    }
}
