package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's charts as Apache ECharts options (JSON in a data attribute; static/js/charts.js draws them, since
 * the Content-Security-Policy allows no inline script). Every number comes from the same {@link Dashboard} the
 * tables show, so charts and tables cannot disagree. {@code links} holds the drill-down address of each category.
 */
@Component
public class DashboardCharts {

    private final MessageSource messages;
    private final JsonMapper json;

    DashboardCharts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    Map<String, String> all(Dashboard dashboard, Disclosure disclosure, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("pyramid", json.writeValueAsString(pyramid(dashboard.total(), disclosure, locale)));
        if (!dashboard.leaf()) {
            charts.put("beds", json.writeValueAsString(bedsPerThousand(dashboard, disclosure, locale)));
            charts.put("coverage", json.writeValueAsString(coverage(dashboard, locale)));
        }
        charts.put("spending", json.writeValueAsString(spending(dashboard, locale)));
        return charts;
    }

    /** Age pyramid: men to the left (negative values, shown without sign by charts.js), women to the right. */
    private Map<String, Object> pyramid(Figures total, Disclosure disclosure, Locale locale) {
        List<String> bands = new ArrayList<>();
        List<Long> men = new ArrayList<>();
        List<Long> women = new ArrayList<>();
        for (int i = 0; i < Figures.AGES.length; i++) {
            bands.add(i + 1 < Figures.AGES.length ? Figures.AGES[i] + "–" + (Figures.AGES[i + 1] - 1) : Figures.AGES[i] + "+");
            // no bar where the page hides the count ("<5" or "*")
            men.add(disclosure.hidden(PageDisclosures.band(Figures.MALE, i)) ? null : -total.band(Figures.MALE, i));
            women.add(disclosure.hidden(PageDisclosures.band(Figures.FEMALE, i)) ? null : total.band(Figures.FEMALE, i));
        }
        return Map.of(
                "kind", "pyramid",
                "tooltip", Map.of("trigger", "axis", "renderMode", "richText"),
                "legend", Map.of("data", List.of(text("dashboard.chart.male", locale), text("dashboard.chart.female", locale))),
                "grid", Map.of("left", 60, "right", 30, "bottom", 30, "top", 40),
                "xAxis", Map.of("type", "value"),
                "yAxis", Map.of("type", "category", "data", bands),
                "series", List.of(
                        Map.of("name", text("dashboard.chart.male", locale), "type", "bar", "stack", "all", "data", men),
                        Map.of("name", text("dashboard.chart.female", locale), "type", "bar", "stack", "all", "data", women)));
    }

    /** Beds per 1000 elders by child region, against the region's target as a line. */
    private Map<String, Object> bedsPerThousand(Dashboard dashboard, Disclosure disclosure, Locale locale) {
        List<String> names = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (Dashboard.UnitRow unit : dashboard.units()) {
            names.add(unit.region().name());
            links.add(DashboardController.link(unit.region().code()));
            IndicatorValue beds = unit.sheet().get(Indicator.BEDS_PER_THOUSAND);
            values.add(disclosure.hiddenShare(beds) ? null : beds.value());
        }
        Map<String, Object> series = new LinkedHashMap<>(Map.of(
                "name", text(Indicator.BEDS_PER_THOUSAND.messageKey(), locale), "type", "bar", "data", values));
        BigDecimal target = dashboard.sheet().get(Indicator.BEDS_PER_THOUSAND).target();
        if (target != null) {
            series.put("markLine", Map.of("symbol", "none", "data", List.of(Map.of(
                    "yAxis", target, "name", text("dashboard.target", locale)))));
        }
        return categoryChart("bar", names, links, List.of(series), locale);
    }

    /** Day-care and meal-point coverage (per cent of communities) by child region. */
    private Map<String, Object> coverage(Dashboard dashboard, Locale locale) {
        List<String> names = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<BigDecimal> dayCare = new ArrayList<>();
        List<BigDecimal> meals = new ArrayList<>();
        for (Dashboard.UnitRow unit : dashboard.units()) {
            Figures f = unit.figures();
            names.add(unit.region().name());
            links.add(DashboardController.link(unit.region().code()));
            dayCare.add(percent(f.urbanWithDayCare + f.ruralWithDayCare, f.communities));
            meals.add(percent(f.withMealPoint, f.communities));
        }
        return categoryChart("percent", names, links, List.of(
                Map.of("name", text("dashboard.chart.dayCare", locale), "type", "bar", "data", dayCare),
                Map.of("name", text(Indicator.MEAL_POINT_COVERAGE.messageKey(), locale), "type", "bar", "data", meals)),
                locale);
    }

    /** Spending by month, one stacked series per policy (and per kind of organisation line). */
    private Map<String, Object> spending(Dashboard dashboard, Locale locale) {
        List<String> months = new ArrayList<>();
        LocalDate first = dashboard.day().withDayOfMonth(1).minusMonths(DashboardService.SPENDING_MONTHS - 1);
        for (int i = 0; i < DashboardService.SPENDING_MONTHS; i++) {
            months.add(first.plusMonths(i).toString().substring(0, 7));
        }
        Set<String> policies = new LinkedHashSet<>();
        dashboard.spendingByMonth().forEach(s -> policies.add(s.policy()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (String policy : policies) {
            List<BigDecimal> values = new ArrayList<>();
            for (String month : months) {
                values.add(dashboard.spendingByMonth().stream()
                        .filter(s -> s.policy().equals(policy) && s.month().toString().startsWith(month))
                        .map(FigureQueries.MonthlySpending::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            series.add(Map.of("name", policyName(policy, dashboard.policyNames(), locale), "type", "bar",
                    "stack", "spending", "data", values));
        }
        return categoryChart("bar", months, List.of(), series, locale);
    }

    private Map<String, Object> categoryChart(String kind, List<String> categories, List<String> links,
                                              List<Map<String, Object>> series, Locale locale) {
        List<Object> legend = series.stream().map(s -> s.get("name")).toList();
        return Map.of(
                "kind", kind,
                "links", links,
                "tooltip", Map.of("trigger", "axis", "renderMode", "richText"),
                "legend", Map.of("data", legend),
                "grid", Map.of("left", 50, "right", 20, "bottom", 60, "top", 40),
                "xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("interval", 0, "rotate", 30)),
                "yAxis", Map.of("type", "value"),
                "series", series);
    }

    public String policyName(String policy, Map<String, String> names, Locale locale) {
        return switch (policy) {
            case "OPERATING", "CONSTRUCTION", "MEAL" -> text("dashboard.payee." + policy, locale);
            default -> names.getOrDefault(policy, policy);
        };
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
