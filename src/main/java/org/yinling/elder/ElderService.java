package org.yinling.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * Registers and corrects elders inside the user's region, with every rule a form cannot check by itself, an audit
 * entry for every change and view, and an event for the modules that follow the registry.
 */
@Service
class ElderService {

    static final String ENTITY = "elder";
    static final int MINIMUM_AGE = 60;
    private static final String WRITERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')";

    private final ElderRepository elders;
    private final Regions regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdRefusals refusals;
    private final List<LifeStatusConsequences> consequences;

    ElderService(ElderRepository elders, Regions regions, AuditLog audit, ApplicationEventPublisher events,
                 Clock clock, IdRefusals refusals, List<LifeStatusConsequences> consequences) {
        this.refusals = refusals;
        this.consequences = List.copyOf(consequences);
        this.elders = elders;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The record if it is inside the user's region; 404 otherwise. */
    @Transactional(readOnly = true)
    Elder load(long id, CurrentUser user) {
        return elders.findInScope(id, user.scope().likePattern()).orElseThrow(ElderNotFoundException::new);
    }

    /** Loads the record for its detail page and records that the user saw the full personal data. */
    @Transactional
    Elder view(long id, CurrentUser user) {
        Elder elder = load(id, user);
        audit.record("ELDER_VIEWED", ENTITY, id, null);
        return elder;
    }

    /** Loads the record for its edit form, which shows the same full data, and records the view like {@link #view}. */
    @Transactional
    Elder viewForEdit(long id, CurrentUser user) {
        Elder elder = load(id, user);
        audit.record("ELDER_VIEWED", ENTITY, id, Map.of("page", "edit"));
        return elder;
    }

    /**
     * Returns the new elder's id, or empty with field errors. An ID already registered in the user's region also sets
     * existingId (the form links to it); one registered elsewhere is only 'cannot be registered here', audited and
     * limited per user ({@link IdRefusals}).
     */
    @Transactional
    @PreAuthorize(WRITERS)
    RegistrationResult register(ElderForm form, Errors errors, CurrentUser user) {
        Optional<ResidentId> residentId = checkResidentId(form.residentId(), null, errors, user, "create");
        checkCommunity(form.communityCode(), user, errors);
        checkDisability(form, errors);
        if (errors.hasErrors() || residentId.isEmpty()) {
            return RegistrationResult.refused(existingInScope(residentId, null, user));
        }
        Elder elder = new Elder(residentId.get(), user.getUsername());
        elder.describe(form, user.getUsername());
        elders.saveAndFlush(elder);
        audit.record("ELDER_CREATED", ENTITY, elder.getId(), Map.of("after", ElderSnapshot.of(elder)));
        events.publishEvent(new ElderRegistered(elder.getId(), elder.getCommunityCode()));
        return RegistrationResult.created(elder.getId());
    }

    @Transactional
    @PreAuthorize(WRITERS)
    boolean update(long id, ElderForm form, Errors errors, CurrentUser user) {
        Elder elder = load(id, user);
        if (elder.getLifeStatus() != LifeStatus.ACTIVE) {
            // a deceased or moved-out elder's record is read-only: the registry keeps it as it was when they left
            // (nothing corrects a life status yet; assessments, applications, meals and admissions refuse them too)
            errors.reject("elder.readOnly");
            return false;
        }
        if (!Objects.equals(form.version(), elder.getVersion())) {
            errors.reject("form.concurrentEdit");
            return false;
        }
        Optional<ResidentId> residentId = form.residentId() != null
                && ResidentId.normalised(form.residentId()).equalsIgnoreCase(elder.getResidentId())
                ? checkResidentId(form.residentId(), elder.getId(), errors, null, "update")
                : checkResidentId(form.residentId(), elder.getId(), errors, user, "update");
        checkCommunity(form.communityCode(), user, errors);
        checkDisability(form, errors);
        if (errors.hasErrors() || residentId.isEmpty()) {
            return false;
        }
        Map<String, Object> before = ElderSnapshot.of(elder);
        elder.setResidentId(residentId.get());
        elder.describe(form, user.getUsername());
        elders.saveAndFlush(elder);
        audit.record("ELDER_UPDATED", ENTITY, id, ElderSnapshot.changes(before, ElderSnapshot.of(elder)));
        events.publishEvent(new ElderUpdated(id));
        return true;
    }

    /** Death or move-out: checked, saved, audited and announced to the modules that stop payments. */
    @Transactional
    @PreAuthorize(WRITERS)
    boolean changeLifeStatus(long id, LifeStatus status, LifeStatusForm form, Errors errors,
                                     CurrentUser user) {
        Elder elder = load(id, user);
        if (!checkLifeStatusChange(elder, form, errors)) {
            return false;
        }
        boolean deceased = status == LifeStatus.DECEASED;
        if (deceased) {
            elder.die(form.date(), form.reason(), clock.instant(), user.getUsername());
        }
        else {
            elder.moveOut(form.date(), form.reason(), clock.instant(), user.getUsername());
        }
        elders.saveAndFlush(elder);
        audit.record(deceased ? "ELDER_DECEASED" : "ELDER_MOVED_OUT", ENTITY, id,
                Map.of("date", form.date().toString(), "reason", form.reason()));
        events.publishEvent(deceased ? new ElderDeceased(id, form.date()) : new ElderMovedOut(id, form.date()));
        return true;
    }

    /**
     * Whether {@code user} may correct (undo) the elder's recorded death or move-out now: district staff, within the
     * calendar month (in the application's zone) in which it was recorded.
     */
    boolean mayUndoLifeStatus(Elder elder, CurrentUser user) {
        return user.hasRole(Role.DISTRICT_STAFF) && elder.getLifeStatus() != LifeStatus.ACTIVE
                && elder.getLifeStatusRecordedAt() != null
                && YearMonth.from(elder.getLifeStatusRecordedAt().atZone(clock.getZone())).equals(YearMonth.now(clock));
    }

    /** The record for the undo confirmation page: district staff only (others get 403), inside their region. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    Elder loadForUndo(long id, CurrentUser user) {
        return load(id, user);
    }

    /** What undoing the elder's death or move-out would take back, for the confirmation page. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    List<LifeStatusConsequences.Consequence> undoPreview(Elder elder) {
        return consequences.stream()
                .flatMap(c -> c.of(elder.getId(), elder.getLifeStatus(), elder.getLifeStatusDate()).stream())
                .toList();
    }

    /**
     * Corrects a death or move-out recorded by mistake: the elder is active again and what the record set off is
     * taken back (each module set-based, in this transaction), audited with the reason, the status and date taken
     * back and the counts. Refused (a global error) outside the month it was recorded or when no longer recorded.
     */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    boolean undoLifeStatus(long id, UndoLifeStatusForm form, Errors errors, CurrentUser user) {
        Elder elder = load(id, user);
        if (!mayUndoLifeStatus(elder, user)) {
            errors.reject("elder.undo.notAllowed");
        }
        if (errors.hasErrors()) {
            return false;
        }
        LifeStatus status = elder.getLifeStatus();
        LocalDate date = elder.getLifeStatusDate();
        String recordedReason = elder.getLifeStatusReason();
        Map<String, Object> undone = new LinkedHashMap<>();
        for (LifeStatusConsequences module : consequences) {
            for (LifeStatusConsequences.Consequence c : module.undo(id, status, date, user.getUsername())) {
                undone.put(c.messageKey(), c.count());
            }
        }
        elder.undoLifeStatus(user.getUsername());
        elders.saveAndFlush(elder);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status.name());
        details.put("date", date == null ? null : date.toString());
        details.put("recordedReason", recordedReason);
        details.put("reason", form.reason().strip());
        details.put("undone", undone);
        audit.record("ELDER_LIFE_STATUS_UNDONE", ENTITY, id, details);
        return true;
    }

    private boolean checkLifeStatusChange(Elder elder, LifeStatusForm form, Errors errors) {
        if (elder.getLifeStatus() != LifeStatus.ACTIVE) {
            errors.reject("elder.lifeStatus.notActive");
        }
        if (form.date() != null && form.date().isBefore(elder.getBirthDate())) {
            errors.rejectValue("date", "elder.lifeStatus.beforeBirth");
        }
        return !errors.hasErrors();
    }

    /**
     * Checks the number, then whether it is registered already. {@code user} is null when the number is the record's
     * own (a correction that keeps it): nothing to look up. Otherwise a user past the refusal limit is answered 'too
     * many' before any look-up, whatever the number; a number registered in the user's region is 'already registered'
     * and one registered elsewhere 'cannot be registered here, contact the district', audited and counted.
     */
    private Optional<ResidentId> checkResidentId(String raw, Long self, Errors errors, CurrentUser user, String form) {
        if (errors.hasFieldErrors("residentId")) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        try {
            // a pasted number may carry spaces or hyphens (330105 19491231 002X): they are not part of it
            ResidentId id = ResidentId.parse(ResidentId.normalised(raw), today);
            if (id.ageOn(today) < MINIMUM_AGE) {
                errors.rejectValue("residentId", "elder.residentId.tooYoung", new Object[] {MINIMUM_AGE}, null);
            }
            else if (user != null) {
                checkNotRegistered(id, self, errors, user, form);
            }
            return Optional.of(id);
        }
        catch (InvalidResidentIdException e) {
            errors.rejectValue("residentId", e.messageKey());
            return Optional.empty();
        }
    }

    private void checkNotRegistered(ResidentId id, Long self, Errors errors, CurrentUser user, String form) {
        if (refusals.remaining(user.getUsername()) == 0) {
            errors.rejectValue("residentId", "elder.residentId.tooManyRefusals");
            return;
        }
        Optional<Long> existing = elders.findIdByResidentId(id.value()).filter(found -> !found.equals(self));
        if (existing.isEmpty()) {
            return;
        }
        if (elders.findInScope(existing.get(), user.scope().likePattern()).isPresent()) {
            errors.rejectValue("residentId", "elder.residentId.exists");
        }
        else {
            errors.rejectValue("residentId", "elder.residentId.notHere");
            refusals.recordForm(form, existing.get(), id);
        }
    }

    /** The record with this number if the user's region holds it (the form links to it); empty otherwise. */
    private Optional<Long> existingInScope(Optional<ResidentId> id, Long self, CurrentUser user) {
        return id.flatMap(r -> elders.findIdByResidentId(r.value())).filter(found -> !found.equals(self))
                .filter(found -> elders.findInScope(found, user.scope().likePattern()).isPresent());
    }

    /** A disability certificate has both a category and a level: one without the other is refused, naming the missing one. */
    private static void checkDisability(ElderForm form, Errors errors) {
        if (errors.hasFieldErrors("disabilityCategory") || errors.hasFieldErrors("disabilityLevel")) {
            return;
        }
        if (form.disabilityLevel() != null && !ElderForm.DISABILITY_LEVELS.contains(form.disabilityLevel())) {
            errors.rejectValue("disabilityLevel", "elder.disabilityLevel.range");
        }
        else if (form.disabilityCategory() != null && form.disabilityLevel() == null) {
            errors.rejectValue("disabilityLevel", "elder.disabilityLevel.missing");
        }
        else if (form.disabilityCategory() == null && form.disabilityLevel() != null) {
            errors.rejectValue("disabilityCategory", "elder.disabilityCategory.missing");
        }
    }

    private void checkCommunity(String code, CurrentUser user, Errors errors) {
        if (errors.hasFieldErrors("communityCode")) {
            return;
        }
        Optional<RegionView> community = regions.find(code);
        if (community.isEmpty() || community.get().level() != RegionLevel.COMMUNITY) {
            errors.rejectValue("communityCode", "elder.community.unknown");
        }
        else if (!user.scope().contains(code)) {
            errors.rejectValue("communityCode", "elder.community.outOfScope");
        }
    }

    /** Outcome of a registration: the new id, or the id of the record that already has this resident ID. */
    record RegistrationResult(Optional<Long> createdId, Optional<Long> existingId) {

        static RegistrationResult created(long id) {
            return new RegistrationResult(Optional.of(id), Optional.empty());
        }

        static RegistrationResult refused(Optional<Long> existingId) {
            return new RegistrationResult(Optional.empty(), existingId);
        }
    }
}
