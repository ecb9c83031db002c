package org.yinling.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;

/**
 * Star ratings (GB/T 37276-2018): an institution applies for a grade (entered by the district or by the institution's
 * manager), the district's inspectors score the four sections and check the required conditions, and the result is
 * the highest grade the scores reach under the rating's scheme (at most the grade applied for), or not rated. A grade
 * is valid for the scheme's months from the rating date. The latest decided rating is the institution's grade (the
 * database copies it to the institution's star level).
 */
@Service
class Ratings {

    static final int PAGE_SIZE = 50;

    private final RatingStore store;
    private final Certificates certificates;
    private final AuditLog audit;
    private final Clock clock;

    Ratings(RatingStore store, Certificates certificates, AuditLog audit, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
    }

    /** District staff, and the manager of exactly this institution, apply for a rating. */
    static boolean mayApply(CurrentUser user, long institutionId) {
        return Certificates.mayRecord(user, institutionId);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    List<RatingStore.Rating> ofInstitution(long institutionId, CurrentUser user) {
        certificates.institution(institutionId, user);
        return store.ofInstitution(institutionId);
    }

    @Transactional(readOnly = true)
    Page<RatingStore.Rating> list(PageRequest page, CurrentUser user) {
        return new PageImpl<>(store.list(user.scope(), page.getPageSize(), page.getOffset()), page,
                store.count(user.scope()));
    }

    @Transactional(readOnly = true)
    RatingStore.Rating rating(long id, CurrentUser user) {
        return store.find(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional(readOnly = true)
    RatingScheme scheme(long id) {
        return store.scheme(id);
    }

    /** The scheme in force today for the institution (for the application form). */
    @Transactional(readOnly = true)
    Optional<RatingScheme> schemeFor(CertificateStore.InstitutionRef institution) {
        return store.schemeFor(institution.communityCode(), today()).map(store::scheme);
    }

    @Transactional(readOnly = true)
    Optional<RatingStore.Current> current(long institutionId) {
        return store.current(institutionId);
    }

    @Transactional(readOnly = true)
    Map<Integer, Long> byGrade(RegionScope scope) {
        return store.byGrade(scope, today());
    }

    /** @return the application's id, or null with messages (nothing written) */
    @Transactional
    Long apply(long institutionId, Integer grade, LocalDate appliedOn, CurrentUser user, Errors errors) {
        CertificateStore.InstitutionRef institution = certificates.institution(institutionId, user);
        if (!mayApply(user, institutionId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LocalDate today = today();
        LocalDate on = appliedOn == null ? today : appliedOn;
        if (grade == null || grade < 1 || grade > 5) {
            errors.reject("supervision.rating.error.grade");
        }
        if (on.isAfter(today) || on.getYear() < 2000) {
            errors.reject("supervision.rating.error.appliedOn");
        }
        if (store.applicationOpen(institutionId)) {
            errors.reject("supervision.rating.error.open");
        }
        Optional<Long> scheme = store.schemeFor(institution.communityCode(), on);
        if (scheme.isEmpty()) {
            errors.reject("supervision.rating.error.scheme");
        }
        if (errors.hasErrors()) {
            return null;
        }
        long id = store.apply(institutionId, scheme.get(), grade, on, user.getUsername());
        audit.record("SUPERVISION_RATING_APPLIED", "supervision_rating", id,
                Map.of("institutionId", institutionId, "grade", grade, "appliedOn", on.toString()));
        return id;
    }

    /**
     * Records the result of an application. A grade needs every score within its section's range and every required
     * condition; scores that reach no grade record "not rated". A "not rated" result may also be recorded with a reason
     * (scores optional, each in range when given).
     *
     * @return the grade given (0 for not rated), or null with field messages (nothing written)
     */
    @Transactional
    Integer decide(long id, RatingForm form, CurrentUser user, Errors errors) {
        RatingStore.Rating rating = rating(id, user);
        if (!user.hasRole(Role.DISTRICT_STAFF)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (rating.decided()) {
            errors.reject("supervision.rating.error.decided");
            return null;
        }
        RatingScheme scheme = store.scheme(rating.schemeId());
        LocalDate today = today();
        Map<RatingSection, BigDecimal> scores = new EnumMap<>(RatingSection.class);
        for (RatingSection section : RatingSection.values()) {
            BigDecimal score = form.score(section);
            BigDecimal max = scheme.maxima().get(section);
            if (score == null) {
                if (!form.isNotRated()) {
                    errors.rejectValue(RatingForm.field(section), "supervision.rating.error.scoreMissing");
                }
            }
            else if (score.signum() < 0 || score.compareTo(max) > 0 || score.stripTrailingZeros().scale() > 1) {
                errors.rejectValue(RatingForm.field(section), "supervision.rating.error.scoreRange",
                        new Object[] {max.stripTrailingZeros().toPlainString()}, null);
            }
            else {
                scores.put(section, score);
            }
        }
        TreeSet<Integer> held = new TreeSet<>();
        for (Integer position : form.getConditions()) {
            if (scheme.conditions().stream().anyMatch(c -> c.position() == position)) {
                held.add(position);
            }
        }
        boolean allHeld = held.size() == scheme.conditions().size();
        if (!form.isNotRated() && !allHeld) {
            errors.rejectValue("conditions", "supervision.rating.error.conditions");
        }
        LocalDate ratedOn = form.getRatedOn();
        if (ratedOn == null) {
            errors.rejectValue("ratedOn", "supervision.rating.error.ratedOn");
        }
        else if (ratedOn.isAfter(today)) {
            errors.rejectValue("ratedOn", "supervision.rating.error.ratedOnFuture");
        }
        else if (ratedOn.isBefore(rating.appliedOn())) {
            errors.rejectValue("ratedOn", "supervision.rating.error.ratedOnBeforeApplied");
        }
        String note = Inspections.text(form.getNote());
        if (note != null && note.length() > 1000) {
            errors.rejectValue("note", "supervision.rating.error.note");
        }
        else if (note == null && form.isNotRated()) {
            errors.rejectValue("note", "supervision.rating.error.reason");
        }
        if (errors.hasErrors()) {
            return null;
        }
        boolean complete = scores.size() == RatingSection.values().length;
        BigDecimal total = complete ? scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        Integer grade = form.isNotRated() || !complete ? null : scheme.grade(scores, rating.appliedGrade());
        LocalDate validUntil = grade == null ? null : ratedOn.plusMonths(scheme.validityMonths()).minusDays(1);
        if (!store.decide(id, scores, total, List.copyOf(held), grade, ratedOn, validUntil, note, user.getUsername(),
                OffsetDateTime.now(clock))) {
            errors.reject("supervision.rating.error.decided");
            return null;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", rating.institutionId());
        details.put("total", total == null ? null : total.toPlainString());
        details.put("grade", grade);
        details.put("ratedOn", ratedOn.toString());
        details.put("validUntil", validUntil == null ? null : validUntil.toString());
        audit.record("SUPERVISION_RATING_DECIDED", "supervision_rating", id, details);
        return grade == null ? 0 : grade;
    }
}
