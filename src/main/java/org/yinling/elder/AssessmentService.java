package org.yinling.elder;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** Records capability assessments; the elder's current level is the latest assessment's. */
@Service
class AssessmentService {

    private final ElderService elders;
    private final ElderRepository repository;
    private final AssessmentStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AssessmentGovernance governance;

    AssessmentService(ElderService elders, ElderRepository repository, AssessmentStore store, AuditLog audit,
                      ApplicationEventPublisher events, AssessmentGovernance governance) {
        this.governance = governance;
        this.elders = elders;
        this.repository = repository;
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /**
     * An assessment of an elder the user may see (the latest without {@code assessmentId}) with its item scores, for
     * the printed report; empty when there is none.
     */
    @Transactional(readOnly = true)
    java.util.Optional<java.util.Map.Entry<AssessmentRecord, java.util.Map<String, Integer>>> report(long elderId,
            Long assessmentId, CurrentUser user) {
        elders.load(elderId, user);
        return store.withScores(elderId, assessmentId);
    }

    /** Returns the new assessment's id, or empty with errors on the form. */
    @Transactional
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')")
    Optional<Long> assess(long elderId, AssessmentForm form, Errors errors, CurrentUser user) {
        Elder elder = elders.load(elderId, user);
        if (elder.getLifeStatus() != LifeStatus.ACTIVE) {
            errors.reject("assessment.elderNotActive");
        }
        if (form.getAssessedOn() != null && form.getAssessedOn().isBefore(elder.getBirthDate())) {
            errors.rejectValue("assessedOn", "elder.lifeStatus.beforeBirth");
        }
        Map<AssessmentItem, Integer> scores = new EnumMap<>(AssessmentItem.class);
        for (AssessmentItem item : AssessmentItem.values()) {
            Integer score = form.getScores().get(item.name());
            if (score == null || !item.accepts(score)) {
                errors.rejectValue("scores[" + item.name() + "]", "assessment.score.range",
                        new Object[] {item.minScore(), item.maxScore()}, null);
            }
            else {
                scores.put(item, score);
            }
        }
        // two assessors of a recorded agency of the elder's district (GB/T 42195-2022; issue 21 §5)
        String district = elder.getCommunityCode().substring(0, 6);
        if (form.getAgencyId() != null && governance.agency(form.getAgencyId())
                .filter(a -> a.active() && a.regionCode().startsWith(district)).isEmpty()) {
            errors.rejectValue("agencyId", "assessment.agency.unknown");
        }
        if (form.getSecondAssessor() != null && form.getAssessor() != null
                && form.getSecondAssessor().trim().equals(form.getAssessor().trim()) && !form.getAssessor().isBlank()) {
            errors.rejectValue("secondAssessor", "assessment.secondAssessor.same");
        }
        Long reviews = null;
        if (form.getReason() == AssessmentReason.REASSESSMENT) {
            if (form.getReviewCause() == null) {
                errors.rejectValue("reviewCause", "assessment.reviewCause.required");
            }
            if (form.getReviewNote().isBlank()) {
                errors.rejectValue("reviewNote", "assessment.reviewNote.required");
            }
            reviews = governance.latest(elderId).orElse(null);
            if (reviews == null) {
                errors.rejectValue("reason", "assessment.review.nothing");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        java.time.LocalDate validUntil = form.getAssessedOn()
                .plusMonths(governance.validityMonths(elder.getCommunityCode(), form.getAssessedOn())).minusDays(1);
        CapabilityScoring.AssessmentResult result = CapabilityScoring.score(scores, form.isComa(), form.isDementia(),
                form.getRiskEvents());
        long id = store.insert(elderId, form, scores, result, validUntil, reviews, user.getUsername());
        int current = store.latestLevel(elderId);
        elder.assessedAt(current, user.getUsername());
        repository.saveAndFlush(elder);
        governance.keepValidity(elderId);
        audit.record("ELDER_ASSESSED", ElderService.ENTITY, elderId,
                Map.of("assessmentId", id, "total", result.total(), "level", result.level().code(),
                        "agencyId", form.getAgencyId(), "validUntil", validUntil.toString(),
                        "reviews", reviews == null ? "" : reviews));
        events.publishEvent(new ElderAssessed(elderId, id, form.getAssessedOn(), current));
        return Optional.of(id);
    }
}
