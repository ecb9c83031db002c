package org.yinling.dashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.region.OfficialStatistic;
import org.yinling.region.OfficialStatistics;
import org.yinling.region.Regions;

/**
 * District staff enter a region's official statistics (issue 21 §4): a region of their own, elders 60+ not more than
 * the population, elders 80+ not more than those 60+. A year entered again replaces the first entry (audited).
 */
@Service
class StatisticsEntry {

    private final OfficialStatistics statistics;
    private final Regions regions;

    StatisticsEntry(OfficialStatistics statistics, Regions regions) {
        this.statistics = statistics;
        this.regions = regions;
    }

    /** True when saved; false with the problems on the form. */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    boolean save(StatisticsForm form, Errors errors, CurrentUser user) {
        if (!form.getRegionCode().isEmpty() && (regions.find(form.getRegionCode()).isEmpty()
                || !user.scope().contains(form.getRegionCode()))) {
            errors.rejectValue("regionCode", "statistics.region.unknown");
        }
        if (form.getElders60() != null && form.getRegisteredPopulation() != null
                && form.getElders60() > form.getRegisteredPopulation()) {
            errors.rejectValue("elders60", "statistics.elders60.tooMany");
        }
        if (form.getElders80() != null && form.getElders60() != null && form.getElders80() > form.getElders60()) {
            errors.rejectValue("elders80", "statistics.elders80.tooMany");
        }
        if (errors.hasErrors()) {
            return false;
        }
        statistics.save(new OfficialStatistic(form.getRegionCode(), form.getYear(), form.getRegisteredPopulation(),
                form.getElders60(), form.getElders80() == null ? null : form.getElders80().longValue(),
                form.getSource(), form.getPublishedOn()), user.getUsername());
        return true;
    }
}
