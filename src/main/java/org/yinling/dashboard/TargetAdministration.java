package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.Regions;

/** Sets and ends indicator targets: the rules, the write and its audit row in one transaction. */
@Service
class TargetAdministration {

    private final IndicatorTargets targets;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    TargetAdministration(IndicatorTargets targets, Regions regions, AuditLog audit, Clock clock) {
        this.targets = targets;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The new target's id, or empty with the broken rules added to {@code errors}. */
    @Transactional
    Optional<Long> add(TargetForm form, CurrentUser user, Errors errors) {
        String region = form.getRegionCode().isEmpty() ? null : form.getRegionCode();
        if (region != null && regions.find(region).isEmpty()) {
            errors.rejectValue("regionCode", "target.region.unknown");
        }
        if (form.getEffectiveFrom() != null && form.getEffectiveTo() != null
                && !form.getEffectiveTo().isAfter(form.getEffectiveFrom())) {
            errors.rejectValue("effectiveTo", "target.to.beforeFrom");
        }
        if (!errors.hasErrors() && targets.startTaken(form.getIndicator(), region, form.getEffectiveFrom())) {
            errors.rejectValue("effectiveFrom", "target.from.taken");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = targets.add(form.getIndicator(), region, form.storedTarget(), form.getEffectiveFrom(),
                form.getEffectiveTo(), form.getSource().isEmpty() ? null : form.getSource(), user.getUsername());
        audit.record("TARGET_SET", "indicator_target", id, Map.of("indicator", form.getIndicator().name(),
                "region", region == null ? "" : region, "target", form.storedTarget(), "from", form.getEffectiveFrom()));
        return Optional.of(id);
    }

    /** Ends a target today; false when there was nothing to end. */
    @Transactional
    boolean end(long id) {
        LocalDate today = LocalDate.now(clock);
        boolean ended = targets.end(id, today);
        if (ended) {
            audit.record("TARGET_ENDED", "indicator_target", id, Map.of("on", today));
        }
        return ended;
    }
}
