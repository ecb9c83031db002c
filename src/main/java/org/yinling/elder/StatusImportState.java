package org.yinling.elder;

/** A list is uploaded, then either confirmed (the registry changes) or cancelled; both are final. */
public enum StatusImportState {

    UPLOADED, CONFIRMED, CANCELLED;

    public String messageKey() {
        return "statusImport.state." + name();
    }
}
