package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Inspections of the care institutions of the user's region: the year's plan (who has not been inspected yet), one
 * open inspection per institution and day, and its submission with a result for every checklist item, signed by the
 * inspector and the institution's representative by name; each failed item becomes a finding with its deadline.
 */
@Service
class Inspections {

    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 500;

    private final SupervisionStore store;
    private final AttachmentStore attachments;
    private final AuditLog audit;
    private final Clock clock;

    Inspections(SupervisionStore store, AttachmentStore attachments, AuditLog audit, Clock clock) {
        this.store = store;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SupervisionStore.PlanRow> plan(int year, CurrentUser user) {
        return store.plan(SupervisionScope.of(user), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    List<SupervisionStore.Inspection> recent(CurrentUser user) {
        return store.recentInspections(SupervisionScope.of(user), 50);
    }

    /** The new inspection's id, or the message key of the refusal. */
    record Started(Long id, String error) {
    }

    @Transactional
    Started start(long institutionId, LocalDate on, CurrentUser user) {
        SupervisionScope scope = SupervisionScope.of(user);
        store.communityOfInstitution(institutionId, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = LocalDate.now(clock);
        LocalDate date = on == null ? today : on;
        if (date.isAfter(today)) {
            return new Started(null, "supervision.inspection.error.future");
        }
        Checklist checklist = store.checklistOn(date).orElse(null);
        if (checklist == null) {
            return new Started(null, "supervision.inspection.error.noChecklist");
        }
        if (store.openInspectionExists(institutionId, date)) {
            return new Started(null, "supervision.inspection.error.openSameDay");
        }
        Long id = store.insertInspection(institutionId, checklist.id(), date, user.getUsername(), false).orElse(null);
        if (id == null) {
            return new Started(null, "supervision.inspection.error.openSameDay");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", institutionId);
        details.put("inspectedOn", date.toString());
        details.put("checklistVersion", checklist.version());
        audit.record("SUPERVISION_INSPECTION_STARTED", "supervision_inspection", id, details);
        return new Started(id, null);
    }

    @Transactional(readOnly = true)
    SupervisionStore.Inspection inspection(long id, CurrentUser user) {
        return store.inspection(id, SupervisionScope.of(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional(readOnly = true)
    List<ChecklistItem> items(SupervisionStore.Inspection inspection) {
        return store.items(inspection.checklistId());
    }

    @Transactional(readOnly = true)
    List<SupervisionStore.Result> results(SupervisionStore.Inspection inspection) {
        return store.results(inspection.id());
    }

    /** The photos of the inspection's items, by item. */
    @Transactional(readOnly = true)
    Map<Long, List<AttachmentStore.Attachment>> photos(SupervisionStore.Inspection inspection) {
        Map<Long, List<AttachmentStore.Attachment>> byItem = new LinkedHashMap<>();
        attachments.photos(inspection.id(), null)
                .forEach(a -> byItem.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(a));
        return byItem;
    }

    @Transactional(readOnly = true)
    List<SupervisionStore.Finding> findings(SupervisionStore.Inspection inspection) {
        return store.findingsOf(inspection.id());
    }

    /**
     * Submits the inspection with the form's values ({@code outcome_<item>}, {@code note_<item>},
     * {@code inspectorName}, {@code representativeName}, {@code note}).
     *
     * @return the message keys of the refusal per field (empty: submitted)
     */
    @Transactional
    Map<String, String> submit(long id, Map<String, String> values, Map<String, MultipartFile> photos, CurrentUser user) {
        SupervisionStore.Inspection inspection = inspection(id, user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!inspection.open()) {
            errors.put("form", "supervision.inspection.error.submitted");
            return errors;
        }
        String inspector = text(values.get("inspectorName"));
        String representative = text(values.get("representativeName"));
        String note = text(values.get("note"));
        if (inspector == null || inspector.length() > NAME_MAX) {
            errors.put("inspectorName", "supervision.inspection.error.inspector");
        }
        if (representative == null || representative.length() > NAME_MAX) {
            errors.put("representativeName", "supervision.inspection.error.representative");
        }
        if (note != null && note.length() > 1000) {
            errors.put("note", "supervision.inspection.error.noteLength");
        }
        List<SupervisionStore.Result> results = new ArrayList<>();
        Map<Long, EvidenceFiles.Checked> checkedPhotos = new LinkedHashMap<>();
        // photos this inspector uploaded with an earlier attempt that came back with errors: kept when the form
        // still refers to them (keep_<item> = the held photo's id; nobody else's, no other inspection's or item's)
        Map<Long, AttachmentStore.Attachment> held = attachments.pending(id, user.getUsername());
        Map<Long, Long> kept = new LinkedHashMap<>();
        for (ChecklistItem item : store.items(inspection.checklistId())) {
            Outcome outcome = outcome(values.get("outcome_" + item.id()));
            String itemNote = text(values.get("note_" + item.id()));
            if (outcome == null) {
                errors.put("item_" + item.id(), "supervision.inspection.error.outcome");
            }
            else if (itemNote != null && itemNote.length() > NOTE_MAX) {
                errors.put("item_" + item.id(), "supervision.inspection.error.noteLength");
            }
            results.add(new SupervisionStore.Result(item.id(), outcome, itemNote));
            // a photo of the item (taken with the tablet's or phone's camera): an image, checked by its bytes
            MultipartFile photo = photos.get("photo_" + item.id());
            if (EvidenceFiles.present(photo)) {
                EvidenceFiles.Outcome checked = EvidenceFiles.check(photo, true);
                if (checked.error() != null) {
                    errors.put("item_" + item.id(), checked.error());
                }
                else {
                    checkedPhotos.put(item.id(), checked.file());
                }
            }
            AttachmentStore.Attachment heldPhoto = held.get(item.id());
            if (heldPhoto != null && !checkedPhotos.containsKey(item.id())
                    && Long.toString(heldPhoto.id()).equals(values.get("keep_" + item.id()))) {
                kept.put(item.id(), heldPhoto.id());
            }
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (!errors.isEmpty()) {
            hold(inspection, checkedPhotos, kept, user, now.toOffsetDateTime());
            return errors;
        }
        if (!store.submit(id, results, inspector, representative, note, now.toOffsetDateTime())) {
            errors.put("form", "supervision.inspection.error.submitted");
            return errors;
        }
        Map<Severity, DeadlineRule> rules = store.deadlineRules(inspection.communityCode(), now.toLocalDate());
        Map<Severity, OffsetDateTime> deadlines = new EnumMap<>(Severity.class);
        rules.forEach((severity, rule) -> deadlines.put(severity, rule.due(now).toOffsetDateTime()));
        int findings = store.insertFindings(id, now.toOffsetDateTime(), deadlines);
        checkedPhotos.forEach((itemId, photo) ->
                attachments.insertPhoto(id, itemId, photo, user.getUsername(), now.toOffsetDateTime()));
        attachments.linkPending(id, kept.values(), user.getUsername());
        attachments.dropAllPending(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", inspection.institutionId());
        details.put("inspector", inspector);
        details.put("representative", representative);
        details.put("failed", results.stream().filter(r -> r.outcome() == Outcome.FAIL).count());
        details.put("findings", findings);
        details.put("photos", checkedPhotos.size() + kept.size());
        audit.record("SUPERVISION_INSPECTION_SUBMITTED", "supervision_inspection", id, details);
        return errors;
    }

    /** How long a photo held for an inspection never submitted is kept. */
    static final java.time.Duration HELD_FOR = java.time.Duration.ofDays(7);

    /**
     * The form came back with errors: its valid new photos are held for the inspection (an item's new photo replaces
     * the one held before), photos held before and no longer referred to are dropped, and held photos older than
     * {@link #HELD_FOR} (inspections never submitted) are cleaned up.
     */
    private void hold(SupervisionStore.Inspection inspection, Map<Long, EvidenceFiles.Checked> photos,
                      Map<Long, Long> kept, CurrentUser user, OffsetDateTime now) {
        List<Long> keep = new ArrayList<>(kept.values());
        photos.forEach((itemId, photo) ->
                keep.add(attachments.insertPending(inspection.id(), itemId, photo, user.getUsername(), now)));
        int dropped = attachments.dropPending(inspection.id(), keep, user.getUsername());
        attachments.dropPendingBefore(now.minus(HELD_FOR));
        if (!photos.isEmpty() || dropped > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("institutionId", inspection.institutionId());
            details.put("held", keep.size());
            details.put("added", photos.size());
            details.put("dropped", dropped);
            audit.record("SUPERVISION_INSPECTION_PHOTOS_HELD", "supervision_inspection", inspection.id(), details);
        }
    }

    /** The photos this user holds for the open inspection, by item. */
    @Transactional(readOnly = true)
    Map<Long, AttachmentStore.Attachment> held(SupervisionStore.Inspection inspection, CurrentUser user) {
        return inspection.open() ? attachments.pending(inspection.id(), user.getUsername()) : Map.of();
    }

    private static Outcome outcome(String value) {
        if (value == null) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(value)) {
                return outcome;
            }
        }
        return null;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
