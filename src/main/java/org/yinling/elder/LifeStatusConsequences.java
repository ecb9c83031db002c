package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;

/**
 * What a recorded death or move-out set off in a module (stopped entitlements, recoveries opened, home-care budgets
 * ended), contributed as a bean by that module, so that a correction can show it before it is confirmed and then
 * take it back. The elder module knows nothing of subsidies, payments or home care. Both methods run inside the
 * correction's transaction; {@link #undo} is set-based and only reverses what the recorded status caused.
 */
public interface LifeStatusConsequences {

    /** What undoing the elder's {@code status} recorded with {@code date} would take back (or leave), with counts. */
    List<Consequence> of(long elderId, LifeStatus status, LocalDate date);

    /** Takes it back; returns what was taken back (the same keys as {@link #of}). */
    List<Consequence> undo(long elderId, LifeStatus status, LocalDate date, String actor);

    /**
     * One line of the confirmation page: a message key with the count as its argument ({@code {0}}), and whether
     * it is taken back ({@code undone}) or stays as it is and needs a hand (a recovery already collected).
     */
    record Consequence(String messageKey, long count, boolean undone) {
    }
}
