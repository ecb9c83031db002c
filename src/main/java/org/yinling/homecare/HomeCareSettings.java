package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.Regions;

/**
 * The home-care settings in force for a community on a day ({@code home_care_setting_on}), and the district staff's
 * new rows, which start today or later.
 */
@Component
class HomeCareSettings {

    static final String STAFF = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')";

    private final SettingsStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    HomeCareSettings(SettingsStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The row in force for an elder of the community on the day. */
    HomeCareSetting on(String communityCode, LocalDate day) {
        return store.on(communityCode, day);
    }

    /** The rows of the user's district (and the system default), for the settings page. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    List<HomeCareSetting> rows(CurrentUser user) {
        return store.rows(user.getRegionCode().substring(0, 6) + "%");
    }

    /** Adds a row; false with the broken rules in {@code errors}. */
    @Transactional
    @PreAuthorize(Providers.DISTRICT_STAFF)
    boolean add(SettingForm form, CurrentUser user, Errors errors) {
        if (!errors.hasFieldErrors("regionCode")
                && (!user.scope().contains(form.regionCode()) || regions.find(form.regionCode()).isEmpty())) {
            errors.rejectValue("regionCode", "homecare.settings.region.invalid");
        }
        if (form.effectiveFrom() != null && form.effectiveFrom().isBefore(LocalDate.now(clock))) {
            errors.rejectValue("effectiveFrom", "homecare.settings.past");
        }
        if (errors.hasErrors()) {
            return false;
        }
        if (!store.insert(form, user.getUsername())) {
            errors.rejectValue("effectiveFrom", "homecare.settings.duplicate");
            return false;
        }
        audit.record("HOME_CARE_SETTING_ADDED", "home_care_setting", null, Map.of("region", form.regionCode(),
                "from", form.effectiveFrom().toString(), "checkinRadiusM", form.checkinRadiusM(),
                "missedAfterMinutes", form.missedAfterMinutes(),
                "callbackExtrapolation", Boolean.TRUE.equals(form.callbackExtrapolation()),
                "closedVisibleDays", form.closedVisibleDays()));
        return true;
    }
}
