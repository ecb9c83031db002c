package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ElderAssessed;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import org.yinling.elder.ElderRegistered;
import org.yinling.elder.ElderUpdated;
import org.yinling.elder.EldersImported;
import org.yinling.elder.EldersLeft;
import org.yinling.elder.EldersUpdated;
import org.yinling.institution.ElderStayChanged;

/**
 * Keeps the roster current: a recompute by hand (district staff, administrator), every night, after a rule changes,
 * and on the registry's events, followed synchronously in the transaction that changed the elder (a death closes the
 * elder's roster row with that reason together with the death, or not at all); an admission to an institution or a
 * discharge from one ({@code ElderStayChanged}) likewise.
 */
@Service
class VisitRoster {

    private static final Logger log = LoggerFactory.getLogger(VisitRoster.class);

    private final VisitRuleStore rules;
    private final VisitRosterStore roster;
    private final AuditLog audit;
    private final Clock clock;

    VisitRoster(VisitRuleStore rules, VisitRosterStore roster, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /** Recomputes the roster of the communities under {@code prefix} ('' for all) and records what changed. */
    @Transactional
    public VisitRosterStore.Changes recompute(String prefix, String actor) {
        LocalDate today = LocalDate.now(clock);
        VisitRosterStore.Changes changes = roster.recompute(rules.rosterRulesInForce(today),
                rules.tierRulesInForce(today), prefix, today);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", prefix.isEmpty() ? "*" : prefix);
        details.put("added", changes.added());
        details.put("left", changes.left());
        details.put("changed", changes.changed());
        audit.recordAs(actor, "VISIT_ROSTER_RECOMPUTED", "visit_roster", prefix.isEmpty() ? "*" : prefix, details);
        return changes;
    }

    /** One elder's roster row, after a change of the elder; recorded only when something changed. */
    @Transactional
    public void recomputeElder(long elderId, String cause) {
        recomputeElders(new Long[] {elderId}, cause);
    }

    /**
     * The roster rows of many elders (or one), set-based: one audit record per elder whose row changed, as if each
     * were recomputed alone.
     */
    @Transactional
    public void recomputeElders(Long[] elderIds, String cause) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, VisitRosterStore.Changes> changes = roster.recompute(rules.rosterRulesInForce(today),
                rules.tierRulesInForce(today), elderIds, today);
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (Long elderId : elderIds) {
            VisitRosterStore.Changes elder = changes.get(elderId);
            if (elder != null && elder.any()) {
                entries.add(new AuditLog.Entry(elderId, Map.of("cause", cause, "added", elder.added(),
                        "left", elder.left(), "changed", elder.changed())));
            }
        }
        audit.recordAllAs(AuditLog.SYSTEM, "VISIT_ROSTER_RECOMPUTED", "elder", entries);
    }

    /** Every night (Asia/Shanghai): the whole roster, so admissions, birthdays and new rules take effect. */
    @Scheduled(cron = "${yinling.visit.roster-cron:0 30 0 * * *}", zone = "${yinling.time-zone:Asia/Shanghai}")
    public void nightly() {
        VisitRosterStore.Changes changes = recompute("", AuditLog.SYSTEM);
        log.info("Visit roster: {} added, {} left, {} changed", changes.added(), changes.left(), changes.changed());
    }

    @EventListener
    @Transactional
    public void on(ElderDeceased event) {
        on(EldersLeft.of(event));
    }

    @EventListener
    @Transactional
    public void on(ElderMovedOut event) {
        on(EldersLeft.of(event));
    }

    /** Many deaths or move-outs at once (an agency's list): the same as each elder's event, set-based. */
    @EventListener
    @Transactional
    public void on(EldersLeft event) {
        recomputeElders(event.ids(), event.deceased() ? "ELDER_DECEASED" : "ELDER_MOVED_OUT");
    }

    @EventListener
    @Transactional
    public void on(ElderRegistered event) {
        recomputeElder(event.elderId(), "ELDER_REGISTERED");
    }

    @EventListener
    @Transactional
    public void on(ElderUpdated event) {
        recomputeElder(event.elderId(), "ELDER_UPDATED");
    }

    /** Many elders' circumstances changed at once (an agency's batch): the same as each elder's event, set-based. */
    @EventListener
    @Transactional
    public void on(EldersUpdated event) {
        recomputeElders(event.ids(), "ELDER_UPDATED");
    }

    @EventListener
    @Transactional
    public void on(ElderAssessed event) {
        recomputeElder(event.elderId(), "ELDER_ASSESSED");
    }

    @EventListener
    @Transactional
    public void on(ElderStayChanged event) {
        recomputeElder(event.elderId(), event.admitted() ? "STAY_ADMITTED" : "STAY_DISCHARGED");
    }

    @EventListener
    @Transactional
    public void on(EldersImported event) {
        if (event.created() + event.updated() > 0) {
            recompute("", AuditLog.SYSTEM);
        }
    }
}
