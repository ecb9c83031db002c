package org.yinling.institution;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** Adds, corrects and deactivates caregivers: the rules, the write and its audit row in one transaction. */
@Service
class Caregivers {

    private final CaregiverStore caregivers;
    private final InstitutionStore institutions;
    private final AuditLog audit;

    Caregivers(CaregiverStore caregivers, InstitutionStore institutions, AuditLog audit) {
        this.caregivers = caregivers;
        this.institutions = institutions;
        this.audit = audit;
    }

    /** The new caregiver's id, or empty with the broken rules added to {@code errors}. */
    @Transactional
    Optional<Long> add(CaregiverForm form, CurrentUser user, Errors errors) {
        check(form, user, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = caregivers.insert(form, user.getUsername());
        audit.record("CAREGIVER_ADDED", "caregiver", id, Map.of("institution", form.institutionId()));
        return Optional.of(id);
    }

    /** Corrects a caregiver of their own institution; false with errors on a broken rule or a concurrent edit. */
    @Transactional
    boolean update(Caregiver caregiver, CaregiverForm form, CurrentUser user, Errors errors) {
        check(new CaregiverForm(caregiver.institutionId(), form.name(), form.certificateType(), form.certificateNumber(),
                form.certificateLevel(), form.certificateExpires(), form.version()), user, errors);
        if (!errors.hasErrors() && !caregivers.update(caregiver.id(), form, user.getUsername())) {
            errors.reject("form.concurrentEdit");
        }
        if (errors.hasErrors()) {
            return false;
        }
        audit.record("CAREGIVER_UPDATED", "caregiver", caregiver.id(), Map.of("institution", caregiver.institutionId()));
        return true;
    }

    @Transactional
    void deactivate(Caregiver caregiver, CurrentUser user) {
        if (caregivers.deactivate(caregiver.id(), user.getUsername())) {
            audit.record("CAREGIVER_DEACTIVATED", "caregiver", caregiver.id(),
                    Map.of("institution", caregiver.institutionId()));
        }
    }

    private void check(CaregiverForm form, CurrentUser user, Errors errors) {
        if (form.institutionId() != null && institutions.find(form.institutionId(), user.scope()).isEmpty()) {
            errors.rejectValue("institutionId", "caregiver.institution.invalid");
        }
        boolean type = form.certificateType() != null && !form.certificateType().isBlank();
        boolean number = form.certificateNumber() != null && !form.certificateNumber().isBlank();
        if (type != number) {
            errors.rejectValue("certificateNumber", "caregiver.certificate.incomplete");
        }
    }
}
