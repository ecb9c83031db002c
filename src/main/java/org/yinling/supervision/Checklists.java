package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * The inspection checklist: versions from a date, read by everyone who inspects; the district adds a version (the
 * earlier ones stay, and so do the inspections that used them).
 */
@Service
class Checklists {

    private final SupervisionStore store;
    private final AuditLog audit;
    private final Clock clock;

    Checklists(SupervisionStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Checklist> versions() {
        return store.checklists();
    }

    /** The version asked for, or the one in force today. */
    @Transactional(readOnly = true)
    Checklist version(Integer version) {
        return (version == null ? store.checklistOn(LocalDate.now(clock)) : store.checklistVersion(version))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional(readOnly = true)
    List<ChecklistItem> items(Checklist checklist) {
        return store.items(checklist.id());
    }

    /** The form for a new version: today's items, from tomorrow (or the day after the latest version). */
    @Transactional(readOnly = true)
    ChecklistForm newVersionForm() {
        Checklist current = version(null);
        return ChecklistForm.of(earliestNewDate(), store.items(current.id()));
    }

    private LocalDate earliestNewDate() {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        return store.latestEffectiveFrom().map(latest -> latest.plusDays(1)).filter(d -> d.isAfter(tomorrow))
                .orElse(tomorrow);
    }

    /** @return the new version's number, or null with field messages */
    @Transactional
    Integer create(ChecklistForm form, CurrentUser user, BindingResult errors) {
        if (form.getEffectiveFrom() == null) {
            errors.rejectValue("effectiveFrom", "supervision.checklist.error.date");
        }
        else if (form.getEffectiveFrom().isBefore(earliestNewDate())) {
            errors.rejectValue("effectiveFrom", "supervision.checklist.error.dateTooEarly",
                    new Object[] {earliestNewDate()}, null);
        }
        List<ChecklistForm.Row> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            ChecklistForm.Row row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String field = "rows[" + i + "].";
            if (row.getArea() == null) {
                errors.rejectValue(field + "area", "supervision.checklist.error.area");
            }
            if (row.getSeverity() == null) {
                errors.rejectValue(field + "severity", "supervision.checklist.error.severity");
            }
            if (row.getNameZh() == null || row.getNameZh().isBlank() || row.getNameZh().strip().length() > 200) {
                errors.rejectValue(field + "nameZh", "supervision.checklist.error.name");
            }
            if (row.getNameEn() == null || row.getNameEn().isBlank() || row.getNameEn().strip().length() > 200) {
                errors.rejectValue(field + "nameEn", "supervision.checklist.error.name");
            }
        }
        if (form.filled().isEmpty()) {
            errors.reject("supervision.checklist.error.empty");
        }
        if (errors.hasErrors()) {
            return null;
        }
        long id = store.insertChecklist(form.getEffectiveFrom(), form.filled(), user.getUsername());
        int version = store.checklists().stream().filter(c -> c.id() == id).findFirst().orElseThrow().version();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("effectiveFrom", form.getEffectiveFrom().toString());
        details.put("items", form.filled().size());
        audit.record("SUPERVISION_CHECKLIST_CREATED", "supervision_checklist", id, details);
        return version;
    }
}
