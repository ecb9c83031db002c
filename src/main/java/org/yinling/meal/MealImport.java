package org.yinling.meal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.SqlFragment;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.SpreadsheetReader;

/**
 * A day's meals of one point from a sheet (.xlsx or .csv: resident ID, meal 午餐/晚餐, mode 堂食/送餐). Every row is
 * checked first; if any row is wrong, the report lists them and nothing is written. Otherwise all rows are written in
 * one statement, and meals already recorded are reported as skipped, not doubled.
 */
@Service
class MealImport {

    static final int MAX_ROWS = 5_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MealCategoryStore categories;

    MealImport(JdbcClient jdbc, AuditLog audit, MealCategoryStore categories) {
        this.categories = categories;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A row that cannot be recorded: its number in the sheet and the reason (a message key). */
    public record Problem(int row, String reasonKey) implements java.io.Serializable {
    }

    public record Report(int rows, int recorded, int skipped, List<Problem> problems) implements java.io.Serializable {
        public boolean written() {
            return problems.isEmpty();
        }
    }

    private record Row(int number, String residentId, MealKind meal, MealMode mode) {
    }

    /**
     * Records the day's meals of the sheet. A day before the point opened is refused as a whole
     * ({@code meal.import.beforeOpening}): such meals would be paid in the month's settlement.
     */
    @Transactional
    Report apply(MealPoint point, LocalDate day, Path file, String fileName, RegionScope scope, String actor) {
        if (!MealCounter.openOn(point, day)) {
            throw new SpreadsheetException("meal.import.beforeOpening");
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        SpreadsheetReader.read(file, fileName, MAX_ROWS, (number, cells) -> {
            if (number == 1) {
                return;
            }
            String id = cell(cells, 0).toUpperCase(Locale.ROOT);
            if (id.isEmpty() && cell(cells, 1).isEmpty()) {
                return;
            }
            MealKind meal = switch (cell(cells, 1)) {
                case "午餐", "LUNCH", "lunch" -> MealKind.LUNCH;
                case "晚餐", "DINNER", "dinner" -> MealKind.DINNER;
                default -> null;
            };
            MealMode mode = switch (cell(cells, 2)) {
                case "堂食", "", "EAT_IN", "eat in" -> MealMode.EAT_IN;
                case "送餐", "DELIVERED", "delivered" -> MealMode.DELIVERED;
                default -> null;
            };
            if (!id.matches("[0-9]{17}[0-9X]")) {
                problems.add(new Problem(number, "meal.import.badId"));
            } else if (meal == null || mode == null) {
                problems.add(new Problem(number, "meal.import.badMeal"));
            } else if (meal == MealKind.LUNCH ? !point.servesLunch() : !point.servesDinner()) {
                problems.add(new Problem(number, "meal.notOffered"));
            } else if (rows.stream().anyMatch(r -> r.residentId().equals(id) && r.meal() == meal)) {
                problems.add(new Problem(number, "meal.import.repeated"));
            } else {
                rows.add(new Row(number, id, meal, mode));
            }
        });
        if (rows.isEmpty() && problems.isEmpty()) {
            throw new SpreadsheetException("import.file.empty");
        }
        // IDs that are not active elders of the region
        List<String> known = jdbc.sql("""
                        SELECT resident_id FROM elder WHERE resident_id = ANY(?) AND community_code LIKE ? AND life_status = 'ACTIVE'
                        """)
                .params(rows.stream().map(Row::residentId).distinct().toArray(String[]::new), scope.likePattern())
                .query(String.class).list();
        for (Row row : rows) {
            if (!known.contains(row.residentId())) {
                problems.add(new Problem(row.number(), "meal.import.unknownElder"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::row));
        if (!problems.isEmpty()) {
            return new Report(rows.size() + problems.size(), 0, 0, problems);
        }
        // each meal under the first category of the point's list in force on the day that the elder meets
        SqlFragment first = MealCategory.firstMatch(categories.inForce(point.communityCode(), day), day);
        List<Object> params = new java.util.ArrayList<>(List.of(point.id(), day));
        params.addAll(first.params());
        params.addAll(List.of(actor, rows.stream().map(Row::residentId).toArray(String[]::new),
                rows.stream().map(r -> r.meal().name()).toArray(String[]::new),
                rows.stream().map(r -> r.mode().name()).toArray(String[]::new)));
        int recorded = jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        SELECT e.id, ?, ?, r.meal, r.mode, %s, ?
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS r(resident_id, meal, mode)
                        JOIN elder e ON e.resident_id = r.resident_id
                        ON CONFLICT (elder_id, served_on, meal) DO NOTHING
                        """.formatted(first.sql()))
                .params(params)
                .update();
        audit.record("MEALS_IMPORTED", "meal_point", point.id(), Map.of("day", day.toString(), "rows", rows.size(),
                "recorded", recorded));
        return new Report(rows.size(), recorded, rows.size() - recorded, List.of());
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }
}
