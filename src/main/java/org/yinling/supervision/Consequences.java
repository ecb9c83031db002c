package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.institution.AdmissionHolds;
import org.yinling.payment.OrganisationPayments;
import org.yinling.payment.PaymentHolds;

/**
 * The consequences of an open red finding (issue 23 §7), both district settings per region with effective dates:
 * <ul>
 *   <li>the operating subsidy withheld: an institution with a red finding <b>open at the end of a service month</b>
 *       (found before the first day of the next month, 00:00 Beijing time, and not closed by then) gets no operating
 *       subsidy for that month, when the setting in force on the first day of that month says so. The payment batch
 *       lists the line withheld with the finding ({@link PaymentHolds}); a batch generated keeps what it withheld;</li>
 *   <li>admissions paused: while a red finding is open, admissions from the waiting list (or all admissions) are
 *       refused with the finding named, as the setting in force on the day of the admission says
 *       ({@link AdmissionHolds}).</li>
 * </ul>
 * Payment and institution define the interfaces; this module implements them, so neither depends on supervision.
 */
@Service
class Consequences implements PaymentHolds, AdmissionHolds {

    static final int NOTE_MAX = 200;

    private final ConsequenceStore store;
    private final AuditLog audit;
    private final Clock clock;

    Consequences(ConsequenceStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the payment batch

    @Override
    public OrganisationPayments.Lines holds(OrganisationPayments.Scope batch) {
        // the operating subsidy of a month is paid by the batch of the month after (institution's rule)
        LocalDate month = batch.batchMonth().minusMonths(1);
        OffsetDateTime monthEnd = batch.batchMonth().atStartOfDay(clock.getZone()).toOffsetDateTime();
        return new OrganisationPayments.Lines(ConsequenceStore.WITHHELD_OPERATING,
                ConsequenceStore.withheldParameters(month, monthEnd, batch.communityPattern(), clock.getZone().getId()));
    }

    // ---- admissions

    @Override
    @Transactional(readOnly = true)
    public Optional<Refusal> refusal(long institutionId, Route route, LocalDate on) {
        Optional<ConsequenceStore.RedFinding> finding = store.openRedFinding(institutionId);
        if (finding.isEmpty()) {
            return Optional.empty();
        }
        AdmissionPause pause = store.settingFor(finding.get().communityCode(), on)
                .map(ConsequenceStore.Setting::admissionPause).orElse(AdmissionPause.NONE);
        boolean refused = pause == AdmissionPause.ALL || pause == AdmissionPause.WAITING_LIST && route == Route.WAITING_LIST;
        if (!refused) {
            return Optional.empty();
        }
        ConsequenceStore.RedFinding f = finding.get();
        return Optional.of(new Refusal(route == Route.WAITING_LIST ? "supervision.consequence.waitingListPaused"
                : "supervision.consequence.admissionsPaused",
                new Object[] {f.id(), f.item(LocaleContextHolder.getLocale()),
                        f.foundAt().atZoneSameInstant(clock.getZone()).toLocalDate().toString()}));
    }

    // ---- the settings page

    /** What the settings page shows: the version in force today for the user's region, and every version. */
    public record Page(ConsequenceStore.Setting current, List<ConsequenceStore.Setting> versions, String regionPrefix) {
    }

    @Transactional(readOnly = true)
    Page page(CurrentUser user) {
        String prefix = prefix(user);
        LocalDate today = LocalDate.now(clock);
        String community = (prefix + "000000000000").substring(0, 12);
        return new Page(store.settingFor(community, today).orElse(null), store.settingsAbove(prefix), prefix);
    }

    static String prefix(CurrentUser user) {
        String prefix = user.scope().prefix();
        return prefix == null ? "" : prefix;
    }

    /** A form for a new version. */
    public static final class Form {
        private Boolean withholdOperating = Boolean.FALSE;
        private AdmissionPause admissionPause = AdmissionPause.NONE;
        private LocalDate effectiveFrom;
        private String note;

        public Boolean getWithholdOperating() {
            return withholdOperating;
        }

        public void setWithholdOperating(Boolean withholdOperating) {
            this.withholdOperating = withholdOperating;
        }

        public AdmissionPause getAdmissionPause() {
            return admissionPause;
        }

        public void setAdmissionPause(AdmissionPause admissionPause) {
            this.admissionPause = admissionPause;
        }

        public LocalDate getEffectiveFrom() {
            return effectiveFrom;
        }

        public void setEffectiveFrom(LocalDate effectiveFrom) {
            this.effectiveFrom = effectiveFrom;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    Form newForm(Page page) {
        Form form = new Form();
        if (page.current() != null) {
            form.setWithholdOperating(page.current().withholdOperating());
            form.setAdmissionPause(page.current().admissionPause());
        }
        LocalDate today = LocalDate.now(clock);
        // a version from today exists already: offer tomorrow
        form.setEffectiveFrom(store.settingExists(page.regionPrefix(), today) ? today.plusDays(1) : today);
        return form;
    }

    /** Adds a version for the user's region from a date (today or later). @return false with field errors */
    @Transactional
    boolean create(Form form, CurrentUser user, Errors errors) {
        String prefix = prefix(user);
        LocalDate today = LocalDate.now(clock);
        if (form.getEffectiveFrom() == null) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.date");
        } else if (form.getEffectiveFrom().isBefore(today)) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.past");
        } else if (form.getEffectiveFrom().getYear() > today.getYear() + 5) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.far");
        } else if (store.settingExists(prefix, form.getEffectiveFrom())) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.exists");
        }
        if (form.getAdmissionPause() == null) {
            errors.rejectValue("admissionPause", "supervision.settings.error.pause");
        }
        String note = Inspections.text(form.getNote());
        if (note != null && note.length() > NOTE_MAX) {
            errors.rejectValue("note", "supervision.settings.error.note");
        }
        if (errors.hasErrors()) {
            return false;
        }
        boolean withhold = Boolean.TRUE.equals(form.getWithholdOperating());
        Optional<Long> id = store.insertSetting(prefix, withhold, form.getAdmissionPause(), form.getEffectiveFrom(),
                note, user.getUsername());
        if (id.isEmpty()) {
            errors.rejectValue("effectiveFrom", "supervision.settings.error.exists");
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", prefix);
        details.put("withholdOperating", withhold);
        details.put("admissionPause", form.getAdmissionPause().name());
        details.put("effectiveFrom", form.getEffectiveFrom().toString());
        audit.record("SUPERVISION_SETTINGS_CHANGED", "supervision_consequence_setting", id.get(), details);
        return true;
    }
}
