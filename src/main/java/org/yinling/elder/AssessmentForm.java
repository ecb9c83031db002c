package org.yinling.elder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The assessment form: a score for each of the 26 items (bound as {@code scores[EATING]}), conditions and who/when. */
class AssessmentForm {

    private Map<String, Integer> scores = new LinkedHashMap<>();
    private boolean coma;
    private boolean dementia;
    @NotNull
    @Min(0)
    @Max(99)
    private Integer riskEvents = 0;
    @NotNull
    @PastOrPresent
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate assessedOn;
    @NotNull
    private AssessmentReason reason = AssessmentReason.FIRST;
    @NotBlank
    @Size(max = 50)
    private String assessor;
    /** GB/T 42195-2022 has two assessors assess together; both are named, with their agency (issue 21 §5) */
    @NotBlank
    @Size(max = 50)
    private String secondAssessor;
    @NotNull
    private Long agencyId;
    /** a re-assessment reviews the latest assessment (kept as it is) on request or in a dispute, with a note */
    private ReviewCause reviewCause;
    @Size(max = 500)
    private String reviewNote = "";

    public String getSecondAssessor() {
        return secondAssessor;
    }

    public void setSecondAssessor(String secondAssessor) {
        this.secondAssessor = secondAssessor;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public ReviewCause getReviewCause() {
        return reviewCause;
    }

    public void setReviewCause(ReviewCause reviewCause) {
        this.reviewCause = reviewCause;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public void setReviewNote(String reviewNote) {
        this.reviewNote = reviewNote == null ? "" : reviewNote.trim();
    }

    public Map<String, Integer> getScores() {
        return scores;
    }

    public void setScores(Map<String, Integer> scores) {
        this.scores = scores;
    }

    public boolean isComa() {
        return coma;
    }

    public void setComa(boolean coma) {
        this.coma = coma;
    }

    public boolean isDementia() {
        return dementia;
    }

    public void setDementia(boolean dementia) {
        this.dementia = dementia;
    }

    public Integer getRiskEvents() {
        return riskEvents;
    }

    public void setRiskEvents(Integer riskEvents) {
        this.riskEvents = riskEvents;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public void setAssessedOn(LocalDate assessedOn) {
        this.assessedOn = assessedOn;
    }

    public AssessmentReason getReason() {
        return reason;
    }

    public void setReason(AssessmentReason reason) {
        this.reason = reason;
    }

    public String getAssessor() {
        return assessor;
    }

    public void setAssessor(String assessor) {
        this.assessor = assessor;
    }
}
