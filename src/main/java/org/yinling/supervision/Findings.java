package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Findings of the user's region (or of an institution manager's institution): the lists (overdue, open, all), the
 * institution's rectification note with its evidence files (entered by the institution's manager or by staff), a
 * deadline moved (never into the past), and the re-check that closes a finding (never without a rectification note
 * and an evidence file uploaded since the last failed re-check).
 */
@Service
class Findings {

    static final int TEXT_MAX = 1000;

    private final SupervisionStore store;
    private final AttachmentStore attachments;
    private final AuditLog audit;
    private final Clock clock;

    Findings(SupervisionStore store, AttachmentStore attachments, AuditLog audit, Clock clock) {
        this.store = store;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Transactional(readOnly = true)
    Page<SupervisionStore.Finding> list(SupervisionStore.Show show, Long institutionId, PageRequest page,
                                        CurrentUser user) {
        OffsetDateTime now = now();
        long total = store.countFindings(SupervisionScope.of(user), show, institutionId, now);
        return new PageImpl<>(store.findings(SupervisionScope.of(user), show, institutionId, now, page.getPageSize(), page.getOffset()),
                page, total);
    }

    @Transactional(readOnly = true)
    SupervisionStore.Finding finding(long id, CurrentUser user) {
        return store.finding(id, SupervisionScope.of(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional(readOnly = true)
    SupervisionStore.Counts counts(long institutionId, CurrentUser user) {
        return store.counts(institutionId, SupervisionScope.of(user), now());
    }

    /** The finding's evidence, newest first. */
    @Transactional(readOnly = true)
    List<AttachmentStore.Attachment> evidence(SupervisionStore.Finding finding) {
        return attachments.evidence(finding.id());
    }

    /** The inspector's photos of the failed item. */
    @Transactional(readOnly = true)
    List<AttachmentStore.Attachment> photos(SupervisionStore.Finding finding) {
        return attachments.photos(finding.inspectionId(), finding.itemId());
    }

    /**
     * A file of a finding, an inspection or a certificate within the user's scope (a photo held for an open inspection:
     * its uploader only), else 404. Each view is audited (a photo may show residents and rooms): a certificate's scan
     * under its certificate, evidence and photos under the file.
     */
    @Transactional
    AttachmentStore.FileContent file(long attachmentId, CurrentUser user) {
        AttachmentStore.FileContent file = attachments.file(attachmentId, SupervisionScope.of(user), user.getUsername())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attachmentId", attachmentId);
        details.put("contentType", file.contentType());
        if (file.certificateId() != null) {
            audit.record("SUPERVISION_CERTIFICATE_SCAN_VIEWED", "supervision_certificate", file.certificateId(), details);
        }
        else {
            audit.record("SUPERVISION_ATTACHMENT_VIEWED", "supervision_attachment", attachmentId, details);
        }
        return file;
    }

    /**
     * The rectification note, by the institution's manager or by staff, with an evidence file (a photo or a PDF) when
     * one is given; nothing is saved when either is refused.
     *
     * @return null when saved, else the message key of the refusal
     */
    @Transactional
    String rectify(long id, String note, MultipartFile evidence, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(note);
        if (text == null || text.length() > TEXT_MAX) {
            return "supervision.finding.error.rectification";
        }
        EvidenceFiles.Checked file = null;
        if (EvidenceFiles.present(evidence)) {
            EvidenceFiles.Outcome checked = EvidenceFiles.check(evidence, false);
            if (checked.error() != null) {
                return checked.error();
            }
            file = checked.file();
        }
        OffsetDateTime now = now();
        if (finding.closed() || !store.rectify(id, text, user.getUsername(), now)) {
            return "supervision.finding.error.closed";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rectification", text);
        if (file != null) {
            long attachmentId = attachments.insertEvidence(id, file, user.getUsername(), now);
            // no file name in the log: it may name a resident
            details.put("attachmentId", attachmentId);
            details.put("contentType", file.contentType());
            details.put("bytes", file.content().length);
        }
        audit.record("SUPERVISION_FINDING_RECTIFIED", "supervision_finding", id, details);
        return null;
    }

    /** @return null when moved, else the message key of the refusal */
    @Transactional
    String moveDeadline(long id, LocalDateTime deadline, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        if (deadline == null) {
            return "supervision.finding.error.deadline";
        }
        OffsetDateTime at = deadline.atZone(clock.getZone()).toOffsetDateTime();
        if (!at.isAfter(now())) {
            return "supervision.finding.error.deadlinePast";
        }
        if (finding.closed() || !store.moveDeadline(id, at)) {
            return "supervision.finding.error.closed";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", finding.deadline().toString());
        details.put("to", at.toString());
        audit.record("SUPERVISION_FINDING_DEADLINE_MOVED", "supervision_finding", id, details);
        return null;
    }

    /** @return null when closed, else the message key of the refusal */
    @Transactional
    String close(long id, String recheckNote, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(recheckNote);
        String refused = recheckRefusal(finding, text);
        if (refused != null) {
            return refused;
        }
        // a note alone is no evidence: a photo or a document uploaded since the last failed re-check
        if (!attachments.hasCurrentEvidence(id)) {
            return "instmgr.finding.error.noEvidenceFile";
        }
        if (!store.close(id, text, user.getUsername(), now())) {
            return "supervision.finding.error.closed";
        }
        audit.record("SUPERVISION_FINDING_CLOSED", "supervision_finding", id, Map.of("recheck", text));
        return null;
    }

    /** Why a re-check of the finding cannot be recorded (closed, nothing rectified, no note), or null. */
    private static String recheckRefusal(SupervisionStore.Finding finding, String text) {
        if (finding.closed()) {
            return "supervision.finding.error.closed";
        }
        if (finding.rectification() == null) {
            return "supervision.finding.error.noEvidence";
        }
        if (text == null || text.length() > TEXT_MAX) {
            return "supervision.finding.error.recheck";
        }
        return null;
    }

    /** A re-check that finds it not put right. @return null when recorded, else the message key of the refusal */
    @Transactional
    String recheckFailed(long id, String recheckNote, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(recheckNote);
        String refused = recheckRefusal(finding, text);
        if (refused != null) {
            return refused;
        }
        if (!store.recheckFailed(id, text, now())) {
            return "supervision.finding.error.closed";
        }
        audit.record("SUPERVISION_FINDING_RECHECK_FAILED", "supervision_finding", id,
                Map.of("recheck", text, "rectification", finding.rectification()));
        return null;
    }
}
