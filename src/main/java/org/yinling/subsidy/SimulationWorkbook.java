package org.yinling.subsidy;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.system.TitledSheet;

/**
 * A policy simulation as .xlsx ({@link TitledSheet}): a title row (policy, version, scope, day) over the column heads (both frozen), one
 * row per street and the total, counts as #,##0 and money as #,##0.00, then the rule in force and the simulated rule
 * in words. Street names go in as typed string cells, never formulas.
 */
@Component
class SimulationWorkbook {

    private static final String[] COLUMNS = {"simulation.street", "simulation.eldersNow", "simulation.eldersChanged",
            "simulation.eldersDifference", "simulation.monthlyCostNow", "simulation.monthlyCostChanged",
            "simulation.yearlyDifference"};
    private static final String[] ONE_TIME = {"simulation.street", "simulation.eldersNow", "simulation.eldersChanged",
            "simulation.eldersDifference", "simulation.oneTimeCostNow", "simulation.oneTimeCostChanged",
            "simulation.oneTimeDifference"};
    private static final int[] WIDTHS = {22, 14, 14, 12, 18, 18, 20};

    private final MessageSource messages;

    SimulationWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(Policy policy, PolicySimulationResult result, Map<String, String> regionNames, String ruleNow,
               String ruleChanged, Locale locale, OutputStream out) {
        String title = text("simulation.sheet.title", locale, policy.name(), policy.version()) + "  "
                + text("simulation.sheet.scope", locale,
                        regionNames.getOrDefault(result.regionCode(), result.regionCode()), result.on().toString());
        List<List<Object>> rows = new ArrayList<>();
        for (PolicySimulationResult.StreetRow row : result.streets()) {
            rows.add(row(regionNames.getOrDefault(row.code(), row.code()), row));
        }
        rows.add(row(text("simulation.total", locale), result.total()));
        rows.add(List.of());
        rows.add(List.of(text("simulation.ruleNow", locale), ruleNow));
        rows.add(List.of(text("simulation.ruleChanged", locale), ruleChanged));
        TitledSheet.of(title, Stream.of(result.monthly() ? COLUMNS : ONE_TIME).map(key -> text(key, locale)).toList(),
                        WIDTHS)
                .format(TitledSheet.COUNT, 1, 2, 3).format(TitledSheet.MONEY, 4, 5, 6)
                .write(out, text("simulation.title", locale), rows);
    }

    /** The file's name in the user's language, e.g. {@code 政策模拟-高龄津贴-2026-12-05.xlsx}. */
    String fileName(Policy policy, java.time.LocalDate day, Locale locale) {
        return text("simulation.fileName", locale, policy.name(), day.toString());
    }

    private static List<Object> row(String label, PolicySimulationResult.StreetRow row) {
        return List.of(label, row.before(), row.after(), row.difference(), row.costBefore(), row.costAfter(),
                row.yearlyCostDifference());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
