package org.yinling.supervision;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;

/** An incident report as the form sends it. */
public class IncidentForm {

    private Long institutionId;
    private IncidentKind kind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;
    private String residents;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime familyNotifiedAt;
    private String hospital;
    private String outcome;

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public IncidentKind getKind() {
        return kind;
    }

    public void setKind(IncidentKind kind) {
        this.kind = kind;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getResidents() {
        return residents;
    }

    public void setResidents(String residents) {
        this.residents = residents;
    }

    public LocalDateTime getFamilyNotifiedAt() {
        return familyNotifiedAt;
    }

    public void setFamilyNotifiedAt(LocalDateTime familyNotifiedAt) {
        this.familyNotifiedAt = familyNotifiedAt;
    }

    public String getHospital() {
        return hospital;
    }

    public void setHospital(String hospital) {
        this.hospital = hospital;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
