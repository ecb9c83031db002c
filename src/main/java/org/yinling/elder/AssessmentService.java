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

    AssessmentService(ElderService elders, ElderRepository repository, AssessmentStore store, AuditLog audit,
                      ApplicationEventPublisher events) {
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
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        CapabilityScoring.AssessmentResult result = CapabilityScoring.score(scores, form.isComa(), form.isDementia(),
                form.getRiskEvents());
        long id = store.insert(elderId, form, scores, result, user.getUsername());
        int current = store.latestLevel(elderId);
        elder.assessedAt(current, user.getUsername());
        repository.saveAndFlush(elder);
        audit.record("ELDER_ASSESSED", ElderService.ENTITY, elderId,
                Map.of("assessmentId", id, "total", result.total(), "level", result.level().code()));
        events.publishEvent(new ElderAssessed(elderId, id, form.getAssessedOn(), current));
        return Optional.of(id);
    }
}
