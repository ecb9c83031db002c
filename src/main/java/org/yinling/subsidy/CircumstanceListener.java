package org.yinling.subsidy;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yinling.elder.ElderAssessed;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import org.yinling.elder.ElderUpdated;
import org.yinling.elder.EldersLeft;
import org.yinling.elder.EldersUpdated;
import org.yinling.elder.EldersImported;

/**
 * Follows the registry, synchronously in the transaction that changed the elder (so that a death and the stop of
 * its payments commit together, or not at all): death and move-out (by hand or from another agency's list) stop
 * entitlements and withdraw open applications; a correction or an import that moved the elder to another community
 * takes their open applications and entitlements along ({@link EntitlementRecheck#followElders}); an assessment, a
 * correction or an import puts entitlements that may no longer hold into the street's re-check queue.
 */
@Component
class CircumstanceListener {

    static final String DECEASED = "ELDER_DECEASED";
    static final String MOVED_OUT = "ELDER_MOVED_OUT";

    private final EntitlementRecheck recheck;

    CircumstanceListener(EntitlementRecheck recheck) {
        this.recheck = recheck;
    }

    @EventListener
    void on(ElderDeceased event) {
        on(EldersLeft.of(event));
    }

    @EventListener
    void on(ElderMovedOut event) {
        on(EldersLeft.of(event));
    }

    /** Many deaths or move-outs at once (an agency's list): the same as each elder's event, set-based. */
    @EventListener
    void on(EldersLeft event) {
        recheck.stopAll(event, event.deceased() ? DECEASED : MOVED_OUT);
    }

    @EventListener
    void on(ElderAssessed event) {
        recheck.reevaluate(new Long[] {event.elderId()}, "ELDER_ASSESSED");
    }

    @EventListener
    void on(ElderUpdated event) {
        on(new EldersUpdated(new long[] {event.elderId()}));
    }

    /** Many elders' circumstances changed at once (an agency's batch): the same as each elder's event, set-based. */
    @EventListener
    void on(EldersUpdated event) {
        recheck.followElders(event.ids());
        recheck.reevaluate(event.ids(), "ELDER_UPDATED");
    }

    @EventListener
    void on(EldersImported event) {
        if (event.updated() > 0) {
            recheck.followElders(null);
            recheck.reevaluateAll("ELDERS_IMPORTED");
        }
    }
}
