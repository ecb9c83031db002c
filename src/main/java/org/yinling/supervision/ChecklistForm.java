package org.yinling.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new checklist version: its first day and its items (at most {@link #SLOTS}); a row whose two names are blank is
 * left out, so clearing a row removes the item.
 */
public class ChecklistForm {

    /** Rows on the form: below the binder's list limit (system.BinderLimits). */
    static final int SLOTS = 32;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveFrom;
    private List<Row> rows = new ArrayList<>();

    static ChecklistForm of(LocalDate effectiveFrom, List<ChecklistItem> items) {
        ChecklistForm form = new ChecklistForm();
        form.effectiveFrom = effectiveFrom;
        for (ChecklistItem item : items) {
            if (form.rows.size() < SLOTS) {
                form.rows.add(new Row(item.area(), item.nameZh(), item.nameEn(), item.severity()));
            }
        }
        form.fill();
        return form;
    }

    /** Blank rows up to the slots, to add items. */
    void fill() {
        while (rows.size() < SLOTS) {
            rows.add(new Row(null, null, null, null));
        }
    }

    /** The rows with a name. */
    List<Row> filled() {
        return rows.stream().filter(row -> !row.isBlank()).toList();
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    /** One item row. */
    public static class Row {
        private Area area;
        private String nameZh;
        private String nameEn;
        private Severity severity;

        public Row() {
        }

        Row(Area area, String nameZh, String nameEn, Severity severity) {
            this.area = area;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.severity = severity;
        }

        boolean isBlank() {
            return (nameZh == null || nameZh.isBlank()) && (nameEn == null || nameEn.isBlank());
        }

        public Area getArea() {
            return area;
        }

        public void setArea(Area area) {
            this.area = area;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public Severity getSeverity() {
            return severity;
        }

        public void setSeverity(Severity severity) {
            this.severity = severity;
        }
    }
}
