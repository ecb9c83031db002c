package org.yinling.homecare;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The plan form: the provider, notes and up to {@value #ROWS} rows of item × times a month × preferred time (blank
 * rows are ignored).
 */
record PlanForm(@NotNull Long providerId, @Size(max = 500) String notes, @Valid List<Row> items) {

    static final int ROWS = 6;

    PlanForm {
        List<Row> rows = new ArrayList<>();
        if (items != null) {
            items.forEach(row -> rows.add(row == null ? Row.blank() : row));
        }
        while (rows.size() < ROWS) {
            rows.add(Row.blank());
        }
        items = rows;
    }

    /** One row: an item, how many times a month, at what time of day. */
    record Row(Long itemId, @Min(1) @Max(62) Integer timesPerMonth,
               @DateTimeFormat(pattern = "HH:mm") LocalTime preferredTime) {

        static Row blank() {
            return new Row(null, null, null);
        }

        boolean isBlank() {
            return itemId == null && timesPerMonth == null;
        }
    }

    /** The filled rows. */
    List<Row> filled() {
        return items.stream().filter(row -> !row.isBlank()).toList();
    }

    static PlanForm blank() {
        return new PlanForm(null, "", List.of());
    }

    static PlanForm of(PlanStore.Plan plan) {
        return new PlanForm(plan.providerId(), plan.notes(), plan.items().stream()
                .map(item -> new Row(item.itemId(), item.timesPerMonth(), item.preferredTime())).toList());
    }
}
