package org.yinling.elder;

import java.time.LocalDate;

/** What an agency's list reports: deaths (死亡) or move-outs (迁出), with the life status and event each leads to. */
public enum StatusImportKind {

    DEATH(LifeStatus.DECEASED, "ELDER_DECEASED"),
    MOVE_OUT(LifeStatus.MOVED_OUT, "ELDER_MOVED_OUT");

    private final LifeStatus lifeStatus;
    private final String auditAction;

    StatusImportKind(LifeStatus lifeStatus, String auditAction) {
        this.lifeStatus = lifeStatus;
        this.auditAction = auditAction;
    }

    LifeStatus lifeStatus() {
        return lifeStatus;
    }

    /** The same audit action as a death or move-out entered by hand, so the elder's change history shows it. */
    String auditAction() {
        return auditAction;
    }

    Object event(long elderId, LocalDate date) {
        return this == DEATH ? new ElderDeceased(elderId, date) : new ElderMovedOut(elderId, date);
    }

    public String messageKey() {
        return "statusImport.kind." + name();
    }
}
