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
    private final IndicatorSettings settings;

    TargetAdministration(IndicatorTargets targets, Regions regions, AuditLog audit, Clock clock,
                         IndicatorSettings settings) {
        this.settings = settings;
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

    /**
     * Sets an indicator setting (issue 21 §4: e.g. whether 112 城乡结合区 counts as central urban) for a region, or as
     * the default, from a day on; empty when set, else the refusal's message key.
     */
    @Transactional
    String setSetting(String setting, String regionCode, String value, String from, String source, CurrentUser user) {
        IndicatorSettings.Setting which;
        java.math.BigDecimal number;
        LocalDate day;
        try {
            which = IndicatorSettings.Setting.valueOf(setting.strip());
            number = new java.math.BigDecimal(value.strip());
            day = LocalDate.parse(from.strip());
        } catch (RuntimeException unreadable) {
            return "indicator.setting.invalid";
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
        String note = source == null ? "" : source.strip();
        if (number.signum() < 0 || number.compareTo(java.math.BigDecimal.valueOf(100_000)) > 0 || number.scale() > 4
                || day.getYear() < 1900 || day.getYear() > 2099 || note.length() > 200
                || region != null && regions.find(region).isEmpty()) {
            return "indicator.setting.invalid";
        }
        if (!settings.add(which, region, number, day, note.isEmpty() ? null : note, user.getUsername())) {
            return "indicator.setting.taken";
        }
        audit.record("INDICATOR_SETTING_SET", "indicator_setting", which.name(), Map.of("region", region == null ? "" : region,
                "value", number, "from", day.toString()));
        return "";
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
