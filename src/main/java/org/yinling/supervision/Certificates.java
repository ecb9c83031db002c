package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;

/**
 * Certificates and insurance of the institutions: district staff record and correct them for the institutions of
 * their district, street staff and managers read those of their region, and an institution's manager records and reads
 * those of their own institution only. Recording a kind again replaces the current certificate; the old one stays as
 * history. Where each stands today (missing, expired, expiring within the warning period, valid) is read from the data.
 */
@Service
class Certificates {

    static final int PAGE_SIZE = 50;
    private static final Pattern PLAIN = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private final CertificateStore store;
    private final AttachmentStore attachments;
    private final AuditLog audit;
    private final Clock clock;

    Certificates(CertificateStore store, AttachmentStore attachments, AuditLog audit, Clock clock) {
        this.store = store;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scans of the institution's certificates, by certificate id (the institution found within the scope). */
    @Transactional(readOnly = true)
    Map<Long, List<AttachmentStore.Attachment>> scans(long institutionId, CurrentUser user) {
        institution(institutionId, user);
        return attachments.scans(institutionId);
    }

    /**
     * Attaches a scan (a PDF, JPEG or PNG of at most {@value EvidenceFiles#MAX_MEGABYTES} MB, checked by its first
     * bytes) to a current certificate of the institution, by whoever may record its certificates.
     *
     * @return null when attached, else the message key of the refusal (nothing written)
     */
    @Transactional
    String attachScan(long institutionId, long certificateId, MultipartFile scan, CurrentUser user) {
        institution(institutionId, user);
        if (!mayRecord(user, institutionId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        CertificateStore.Certificate certificate = store.currentOf(institutionId, certificateId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!EvidenceFiles.present(scan)) {
            return "supervision.certificate.scan.error.none";
        }
        EvidenceFiles.Outcome checked = EvidenceFiles.check(scan, false);
        if (checked.error() != null) {
            return checked.error();
        }
        long id = attachments.insertScan(certificate.id(), checked.file(), user.getUsername(), OffsetDateTime.now(clock));
        // no file name in the log (as the other supervision files)
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", institutionId);
        details.put("kind", certificate.kind().name());
        details.put("attachmentId", id);
        details.put("contentType", checked.file().contentType());
        details.put("bytes", checked.file().content().length);
        audit.record("SUPERVISION_CERTIFICATE_SCAN_ATTACHED", "supervision_certificate", certificate.id(), details);
        return null;
    }

    /**
     * The institution as this user may see it: in the user's region, or the institution manager's own institution;
     * anything else is not found.
     */
    CertificateStore.InstitutionRef institution(long id, CurrentUser user) {
        Optional<CertificateStore.InstitutionRef> found = user.hasRole(Role.INSTITUTION_MANAGER)
                ? (Long.valueOf(id).equals(user.institutionId()) ? store.institution(id) : Optional.empty())
                : store.institution(id, user.scope());
        return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** District staff, and the manager of exactly this institution, record its certificates. */
    static boolean mayRecord(CurrentUser user, long institutionId) {
        return user.hasRole(Role.DISTRICT_STAFF)
                || (user.hasRole(Role.INSTITUTION_MANAGER) && Long.valueOf(institutionId).equals(user.institutionId()));
    }

    @Transactional(readOnly = true)
    List<CertificateStore.Row> rows(long institutionId, CurrentUser user) {
        institution(institutionId, user);
        return store.rowsOf(institutionId, LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    List<CertificateStore.Certificate> history(long institutionId, CurrentUser user) {
        institution(institutionId, user);
        return store.history(institutionId);
    }

    /** The list's filter for the user: the chosen street inside the user's region (none selected: no rows). */
    Optional<CertificateStore.Filter> filter(List<CertificateState> states, String street, CertificateKind kind,
                                             CurrentUser user) {
        return user.scope().narrowedTo(street, null).map(area -> new CertificateStore.Filter(states, area, kind));
    }

    @Transactional(readOnly = true)
    Page<CertificateStore.Row> list(Optional<CertificateStore.Filter> filter, PageRequest page) {
        if (filter.isEmpty()) {
            return Page.empty(page);
        }
        LocalDate today = LocalDate.now(clock);
        return new PageImpl<>(store.list(filter.get(), today, page.getPageSize(), page.getOffset()), page,
                store.count(filter.get(), today));
    }

    /** Every row of the list (the spreadsheet), at most 100 000. */
    @Transactional(readOnly = true)
    List<CertificateStore.Row> all(Optional<CertificateStore.Filter> filter) {
        return filter.map(f -> store.list(f, LocalDate.now(clock), 100_000, 0)).orElse(List.of());
    }

    @Transactional(readOnly = true)
    Map<String, Long> tally(RegionScope scope) {
        return store.tally(scope, LocalDate.now(clock));
    }

    /**
     * Records a certificate, replacing the current one of its kind. A date of issue in the future is refused except for
     * an insurance policy (a renewal can start later); an expiry must follow the date of issue, and only a fire-safety
     * acceptance may have none.
     *
     * @return the new certificate's id, or null with field messages (nothing written)
     */
    @Transactional
    Long record(long institutionId, CertificateForm form, CurrentUser user, Errors errors) {
        institution(institutionId, user);
        if (!mayRecord(user, institutionId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LocalDate today = LocalDate.now(clock);
        CertificateKind kind = form.getKind();
        if (kind == null) {
            errors.rejectValue("kind", "supervision.certificate.error.kind");
        }
        String number = Inspections.text(form.getNumber());
        if (number == null || number.length() > 60 || !PLAIN.matcher(number).matches()) {
            errors.rejectValue("number", "supervision.certificate.error.number");
        }
        String issuer = Inspections.text(form.getIssuer());
        if (issuer != null && (issuer.length() > 100 || !PLAIN.matcher(issuer).matches())) {
            errors.rejectValue("issuer", "supervision.certificate.error.issuer");
        }
        else if (issuer == null && kind == CertificateKind.LIABILITY_INSURANCE) {
            errors.rejectValue("issuer", "supervision.certificate.error.insurer");
        }
        LocalDate issued = form.getIssuedOn();
        if (issued == null || issued.isBefore(EARLIEST)) {
            errors.rejectValue("issuedOn", "supervision.certificate.error.issuedOn");
        }
        else if (issued.isAfter(today) && kind != CertificateKind.LIABILITY_INSURANCE) {
            errors.rejectValue("issuedOn", "supervision.certificate.error.issuedFuture");
        }
        LocalDate expires = form.getExpiresOn();
        if (expires == null) {
            if (kind != null && kind.expires()) {
                errors.rejectValue("expiresOn", "supervision.certificate.error.expiresOn");
            }
        }
        else if (issued != null && !expires.isAfter(issued)) {
            errors.rejectValue("expiresOn", "supervision.certificate.error.expiresBeforeIssued");
        }
        else if (expires.isAfter(today.plusYears(50))) {
            errors.rejectValue("expiresOn", "supervision.certificate.error.expiresOn");
        }
        String note = Inspections.text(form.getNote());
        if (note != null && note.length() > 500) {
            errors.rejectValue("note", "supervision.certificate.error.note");
        }
        if (errors.hasErrors()) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> replaced = store.replaceCurrent(institutionId, kind, user.getUsername(), now);
        long id = store.insert(institutionId, form, number, issuer, note, user.getUsername(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", institutionId);
        details.put("kind", kind.name());
        details.put("number", number);
        details.put("issuedOn", issued.toString());
        details.put("expiresOn", expires == null ? null : expires.toString());
        details.put("replaced", replaced.orElse(null));
        audit.record("SUPERVISION_CERTIFICATE_RECORDED", "supervision_certificate", id, details);
        return id;
    }
}
