package org.yinling.dashboard;

import java.time.YearMonth;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/indicators?region=<code>&month=YYYY-MM} (docs/api.md §5): the dashboard's indicators of a region
 * inside the caller's region, as they stood at the end of the month (today for the current month), computed exactly
 * like the monthly report's ({@link MonthlyReports}). Scope {@code statistics:read}. A region the caller may not see
 * is a 404 whether or not it exists; a month after the current one is a 400.
 */
@RestController
class IndicatorApiController {

    private final IndicatorApiReads reads;
    private final Regions regions;

    IndicatorApiController(IndicatorApiReads reads, Regions regions) {
        this.reads = reads;
        this.regions = regions;
    }

    @GetMapping("/api/v1/indicators")
    @PreAuthorize("hasAuthority('SCOPE_statistics:read')")
    IndicatorApiReads.Sheet indicators(@AuthenticationPrincipal ApiCaller caller,
                                       @RequestParam(required = false) String region,
                                       @RequestParam(required = false) String month) {
        YearMonth asked = ApiReads.month(month);
        String code = ApiReads.regionCode(region, "region").orElse(caller.regionCode());
        RegionView view = regions.find(code).filter(found -> caller.scope().contains(found.code()))
                .orElseThrow(ApiReads::notFound);
        return reads.sheet(view, asked);
    }
}
