package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionView;
import org.yinling.system.ApiReads;

/** The figures and targets of the monthly report, reduced to the region's own indicators. */
@Service
class IndicatorApiReads {

    /** One indicator: values are decimal strings ({@code null} when the denominator is zero); codes in the docs. */
    record Value(String code, String unit, String value, long numerator, long denominator, String target, String gap,
                 String status) {
    }

    /** The indicators of a region for a month, as of the day they were computed for. */
    record Sheet(String region, String regionName, String regionLevel, String month, LocalDate asOf,
                 List<Value> indicators) {
    }

    private final FigureQueries queries;
    private final IndicatorTargets targets;
    private final org.yinling.region.OfficialStatistics statistics;
    private final Clock clock;

    IndicatorApiReads(FigureQueries queries, IndicatorTargets targets,
                      org.yinling.region.OfficialStatistics statistics, Clock clock) {
        this.queries = queries;
        this.targets = targets;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Sheet sheet(RegionView region, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw ApiReads.badRequest("api.problem.future-month");
        }
        LocalDate asOf = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
        Map<String, Figures> communities = queries.byCommunity(region.scope(), asOf,
                FigureQueries.ElderSource.RECORDS);
        Figures total = DashboardService.sum(communities,
                region.code().substring(0, region.level().significantDigits()));
        total.statistics = statistics.latest(List.of(region.code()), asOf.getYear()).get(region.code());
        IndicatorSheet sheet = IndicatorSheet.of(total, targets.forRegion(region, asOf));
        List<Value> values = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue value = sheet.values().get(indicator);
            if (value != null) {
                values.add(new Value(indicator.name(), indicator.unit().name(), plain(value.value()),
                        value.numerator(), value.denominator(), plain(value.target()), plain(value.gap()),
                        value.status() == null ? TargetStatus.NONE.name() : value.status().name()));
            }
        }
        return new Sheet(region.code(), region.name(), region.level().name(), month.toString(), asOf, values);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
