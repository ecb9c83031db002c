package org.yinling.elder;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What an agency's list reports: deaths (死亡) or move-outs (迁出), uploaded as spreadsheets or received through the
 * API; and, only through the API (issue 22), moves into another community of the region (迁入), economic status from
 * social assistance (低保, 特困 …) and disability certificates (残疾人证). A life event (death, move-out) changes the
 * registry only on district confirmation, like a spreadsheet; a change of circumstance applies at once, like the
 * correction form, and sets off the same re-checks.
 */
public enum StatusImportKind {

    DEATH(LifeStatus.DECEASED, "ELDER_DECEASED", true),
    MOVE_OUT(LifeStatus.MOVED_OUT, "ELDER_MOVED_OUT", true),
    MOVE_IN(null, "ELDER_UPDATED", false),
    ECONOMIC_STATUS(null, "ELDER_UPDATED", false),
    DISABILITY(null, "ELDER_UPDATED", false);

    private final LifeStatus lifeStatus;
    private final String auditAction;
    private final boolean fromFiles;

    StatusImportKind(LifeStatus lifeStatus, String auditAction, boolean fromFiles) {
        this.lifeStatus = lifeStatus;
        this.auditAction = auditAction;
        this.fromFiles = fromFiles;
    }

    /** The kinds a spreadsheet may report (the upload form's choices). */
    static List<StatusImportKind> fileKinds() {
        return Arrays.stream(values()).filter(k -> k.fromFiles).toList();
    }

    boolean fromFiles() {
        return fromFiles;
    }

    /** A death or move-out: the elder leaves the registry's active elders, which needs district confirmation. */
    boolean lifeEvent() {
        return lifeStatus != null;
    }

    LifeStatus lifeStatus() {
        return lifeStatus;
    }

    /**
     * The same audit action as the change entered by hand (a death, a move-out, a correction), so the elder's change
     * history shows it.
     */
    String auditAction() {
        return auditAction;
    }

    /** The event of a changed elder for a life event; changes of circumstance are announced together (see callers). */
    Object event(long elderId, LocalDate date) {
        return this == DEATH ? new ElderDeceased(elderId, date) : new ElderMovedOut(elderId, date);
    }

    public String messageKey() {
        return "statusImport.kind." + name();
    }
}
