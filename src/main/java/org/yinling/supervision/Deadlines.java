package org.yinling.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * The deadlines by severity as the district sees and changes them: a new version for the district's region from a
 * date (today or later) applies to findings recorded from that date; a finding keeps the deadline it was given.
 */
@Service
class Deadlines {

    static final int MAX_AMOUNT = 365;

    private final DeadlineStore store;
    private final SupervisionStore supervision;
    private final AuditLog audit;
    private final Clock clock;

    Deadlines(DeadlineStore store, SupervisionStore supervision, AuditLog audit, Clock clock) {
        this.store = store;
        this.supervision = supervision;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules in force today for the user's region, and the versions that apply to it. */
    public record Page(Map<Severity, DeadlineRule> current, List<DeadlineStore.Version> versions, String regionPrefix) {
    }

    @Transactional(readOnly = true)
    Page page(CurrentUser user) {
        String prefix = Consequences.prefix(user);
        String community = (prefix + "000000000000").substring(0, 12);
        return new Page(supervision.deadlineRules(community, LocalDate.now(clock)), store.versionsAbove(prefix), prefix);
    }

    /** The form of a new version: one row per severity, most severe first. */
    public static final class Form {
        private LocalDate effectiveFrom;
        private List<Row> rows = new ArrayList<>();

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

        public static final class Row {
            private Integer amount;
            private DeadlineRule.Unit unit;

            public Integer getAmount() {
                return amount;
            }

            public void setAmount(Integer amount) {
                this.amount = amount;
            }

            public DeadlineRule.Unit getUnit() {
                return unit;
            }

            public void setUnit(DeadlineRule.Unit unit) {
                this.unit = unit;
            }
        }

        /** Rows for every severity (a tampered form may send fewer). */
        void fill() {
            while (rows.size() < Severity.values().length) {
                rows.add(new Row());
            }
        }
    }

    Form newForm(Page page) {
        Form form = new Form();
        form.setEffectiveFrom(LocalDate.now(clock).plusDays(1));
        for (Severity severity : Severity.values()) {
            DeadlineRule rule = page.current().get(severity);
            Form.Row row = new Form.Row();
            row.setAmount(rule.amount());
            row.setUnit(rule.unit());
            form.getRows().add(row);
        }
        return form;
    }

    /** @return false with field errors, else the version saved */
    @Transactional
    boolean create(Form form, CurrentUser user, Errors errors) {
        String prefix = Consequences.prefix(user);
        LocalDate today = LocalDate.now(clock);
        form.fill();
        if (form.getEffectiveFrom() == null) {
            errors.rejectValue("effectiveFrom", "supervision.deadlines.error.date");
        } else if (form.getEffectiveFrom().isBefore(today)) {
            errors.rejectValue("effectiveFrom", "supervision.deadlines.error.past");
        } else if (form.getEffectiveFrom().getYear() > today.getYear() + 5) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.far");
        } else if (store.exists(prefix, form.getEffectiveFrom())) {
            errors.rejectValue("effectiveFrom", "supervision.deadlines.error.exists");
        }
        List<DeadlineRule> rules = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < severities.length; i++) {
            Form.Row row = form.getRows().get(i);
            String field = "rows[" + i + "].";
            if (row.getAmount() == null || row.getAmount() < 1 || row.getAmount() > MAX_AMOUNT) {
                errors.rejectValue(field + "amount", "supervision.deadlines.error.amount", new Object[] {MAX_AMOUNT}, null);
            }
            if (row.getUnit() == null) {
                errors.rejectValue(field + "unit", "supervision.deadlines.error.unit");
            }
            if (row.getAmount() != null && row.getUnit() != null) {
                rules.add(new DeadlineRule(severities[i], row.getAmount(), row.getUnit()));
            }
        }
        // a more severe finding is never given longer than a less severe one
        if (rules.size() == severities.length) {
            for (int i = 1; i < rules.size(); i++) {
                if (length(rules.get(i - 1)).compareTo(length(rules.get(i))) > 0) {
                    errors.reject("supervision.deadlines.error.order");
                    break;
                }
            }
        }
        if (errors.hasErrors()) {
            return false;
        }
        if (!store.insert(prefix, rules, form.getEffectiveFrom(), user.getUsername())) {
            errors.rejectValue("effectiveFrom", "supervision.deadlines.error.exists");
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", prefix);
        details.put("effectiveFrom", form.getEffectiveFrom().toString());
        rules.forEach(rule -> details.put(rule.severity().name(), rule.amount() + " " + rule.unit().name()));
        audit.record("SUPERVISION_DEADLINES_CHANGED", "supervision_deadline", null, details);
        return true;
    }

    /** A rule's length for comparing (a day as 24 hours). */
    static Duration length(DeadlineRule rule) {
        return rule.unit() == DeadlineRule.Unit.HOURS ? Duration.ofHours(rule.amount()) : Duration.ofDays(rule.amount());
    }
}
