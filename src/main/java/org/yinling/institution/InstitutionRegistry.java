package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/** Registers and edits institutions and their beds: the rules, the write and its audit row in one transaction. */
@Service
class InstitutionRegistry {

    private final InstitutionStore institutions;
    private final BedStore beds;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    InstitutionRegistry(InstitutionStore institutions, BedStore beds, Regions regions, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.institutions = institutions;
        this.beds = beds;
        this.regions = regions;
        this.audit = audit;
    }

    /** The new institution's id, or empty with the broken rules added to {@code errors}. */
    @Transactional
    Optional<Long> create(InstitutionForm form, CurrentUser user, Errors errors) {
        checkRules(form, user, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = institutions.insert(form, user.getUsername());
        audit.record("INSTITUTION_CREATED", "institution", id, Map.of("name", form.name()));
        return Optional.of(id);
    }

    /** False with errors when a rule is broken or someone else changed the institution since the form was opened. */
    @Transactional
    boolean update(long id, InstitutionForm form, CurrentUser user, Errors errors) {
        checkRules(form, user, errors);
        if (!errors.hasErrors() && !institutions.update(id, form, user.getUsername())) {
            errors.reject("form.concurrentEdit");
        }
        if (errors.hasErrors()) {
            return false;
        }
        audit.record("INSTITUTION_UPDATED", "institution", id, Map.of("name", form.name()));
        return true;
    }

    /** Adds beds {@code from}..{@code to} of a room (those that exist stay as they are); how many were added. */
    @Transactional
    int addBeds(long institutionId, String room, int from, int to, boolean nursing) {
        int added = beds.addBeds(institutionId, room, from, to, nursing);
        audit.record("BEDS_ADDED", "institution", institutionId,
                Map.of("room", room, "from", from, "to", to, "added", added));
        return added;
    }

    /** Holds a free bed back or releases it; false when the bed is occupied or not of the institution. */
    @Transactional
    boolean setReserved(long institutionId, long bedId, boolean reserved) {
        boolean done = beds.setReserved(institutionId, bedId, reserved);
        if (done) {
            audit.record(reserved ? "BED_RESERVED" : "BED_RELEASED", "bed", bedId, Map.of("institution", institutionId));
        }
        return done;
    }

    private void checkRules(InstitutionForm form, CurrentUser user, Errors errors) {
        if (!errors.hasFieldErrors("communityCode") && (!user.scope().contains(form.communityCode())
                || regions.find(form.communityCode()).map(r -> r.level() != RegionLevel.COMMUNITY).orElse(true))) {
            errors.rejectValue("communityCode", "institution.community.invalid");
        }
        // 备案 (issue 21 §6): the filing date and the receipt number come together; a filing is not in the future
        boolean receipt = form.filingReceipt() != null && !form.filingReceipt().isBlank();
        if (form.filingDate() != null && !receipt && !errors.hasFieldErrors("filingReceipt")) {
            errors.rejectValue("filingReceipt", "institution.filing.receiptRequired");
        }
        if (receipt && form.filingDate() == null && !errors.hasFieldErrors("filingDate")) {
            errors.rejectValue("filingDate", "institution.filing.dateRequired");
        }
        if (form.filingDate() != null && form.filingDate().isAfter(LocalDate.now(clock))) {
            errors.rejectValue("filingDate", "institution.filing.dateFuture");
        }
    }
}
