package org.yinling.elder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An elder in the registry. Birth date and sex always come from the resident ID; life status changes only through
 * {@link #die} and {@link #moveOut}.
 */
@Entity
@Table(name = "elder")
class Elder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resident_id")
    private String residentId;

    private String name;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String ethnicity;
    private String phone;

    @Column(name = "hukou_region_code")
    private String hukouRegionCode;

    @Column(name = "hukou_local")
    private boolean hukouLocal;

    @Column(name = "community_code")
    private String communityCode;

    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "living_arrangement")
    private LivingArrangement livingArrangement;

    private boolean solitary;

    @Column(name = "lost_only_child")
    private boolean lostOnlyChild;

    @Enumerated(EnumType.STRING)
    @Column(name = "economic_status")
    private EconomicStatus economicStatus;

    @Column(name = "income_per_person")
    private BigDecimal incomePerPerson;

    /** 残疾人证: category and level (1 most severe … 4), both or neither. */
    @Enumerated(EnumType.STRING)
    @Column(name = "disability_category")
    private DisabilityCategory disabilityCategory;
    @Column(name = "disability_level")
    @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.SMALLINT)
    private Integer disabilityLevel;
    /** 留守: the children live away. */
    @Column(name = "left_behind")
    private boolean leftBehind;
    /** 计划生育特殊家庭 whose only child is disabled (伤残); 失独 is {@link #lostOnlyChild}. */
    @Column(name = "only_child_disabled")
    private boolean onlyChildDisabled;
    /** 优抚对象. */
    @Column(name = "special_care_recipient")
    private boolean specialCareRecipient;
    @Column(name = "serious_illness")
    private boolean seriousIllness;

    @Column(name = "guardian_name")
    private String guardianName;
    @Column(name = "guardian_relation")
    private String guardianRelation;
    @Column(name = "guardian_phone")
    private String guardianPhone;
    @Column(name = "emergency_name")
    private String emergencyName;
    @Column(name = "emergency_phone")
    private String emergencyPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "life_status")
    private LifeStatus lifeStatus = LifeStatus.ACTIVE;

    @Column(name = "life_status_date")
    private LocalDate lifeStatusDate;

    @Column(name = "life_status_reason")
    private String lifeStatusReason;

    @Column(name = "life_status_recorded_at")
    private Instant lifeStatusRecordedAt;

    @Column(name = "capability_level")
    private Integer capabilityLevel;

    private String notes;
    private boolean demo;

    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected Elder() {
    }

    Elder(ResidentId residentId, String actor) {
        setResidentId(residentId);
        this.createdAt = Instant.now();
        this.createdBy = actor;
        this.updatedAt = createdAt;
        this.updatedBy = actor;
    }

    void setResidentId(ResidentId id) {
        this.residentId = id.value();
        this.birthDate = id.birthDate();
        this.sex = id.sex();
    }

    /** Copies the editable fields of the form (everything but the ID and the life status). */
    void describe(ElderForm form, String actor) {
        this.name = form.name().trim();
        this.ethnicity = blankToNull(form.ethnicity());
        this.phone = blankToNull(form.phone());
        this.hukouLocal = form.isHukouLocal();
        this.hukouRegionCode = form.isHukouLocal() ? form.communityCode() : null;
        this.communityCode = form.communityCode();
        this.address = blankToNull(form.address());
        this.livingArrangement = form.livingArrangement();
        this.solitary = form.isSolitary();
        this.lostOnlyChild = form.isLostOnlyChild();
        this.economicStatus = form.economicStatus();
        this.incomePerPerson = form.incomePerPerson();
        // both or neither (the form checks it, the table's constraint insists on it)
        boolean disabled = form.disabilityCategory() != null && form.disabilityLevel() != null;
        this.disabilityCategory = disabled ? form.disabilityCategory() : null;
        this.disabilityLevel = disabled ? form.disabilityLevel() : null;
        this.leftBehind = form.isLeftBehind();
        this.onlyChildDisabled = form.isOnlyChildDisabled();
        this.specialCareRecipient = form.isSpecialCareRecipient();
        this.seriousIllness = form.isSeriousIllness();
        this.guardianName = blankToNull(form.guardianName());
        this.guardianRelation = blankToNull(form.guardianRelation());
        this.guardianPhone = blankToNull(form.guardianPhone());
        this.emergencyName = blankToNull(form.emergencyName());
        this.emergencyPhone = blankToNull(form.emergencyPhone());
        this.notes = blankToNull(form.notes());
        touch(actor);
    }

    void die(LocalDate date, String reason, Instant recordedAt, String actor) {
        changeLifeStatus(LifeStatus.DECEASED, date, reason, recordedAt, actor);
    }

    void moveOut(LocalDate date, String reason, Instant recordedAt, String actor) {
        changeLifeStatus(LifeStatus.MOVED_OUT, date, reason, recordedAt, actor);
    }

    void assessedAt(int level, String actor) {
        this.capabilityLevel = level;
        touch(actor);
    }

    private void changeLifeStatus(LifeStatus status, LocalDate date, String reason, Instant recordedAt, String actor) {
        if (lifeStatus != LifeStatus.ACTIVE) {
            throw new IllegalStateException("Only an active elder can change life status");
        }
        this.lifeStatus = status;
        this.lifeStatusDate = date;
        this.lifeStatusReason = reason == null ? null : reason.trim();
        this.lifeStatusRecordedAt = recordedAt;
        touch(actor);
    }

    /** A correction: the death or move-out recorded by mistake is taken back; the elder is active again. */
    void undoLifeStatus(String actor) {
        if (lifeStatus == LifeStatus.ACTIVE) {
            throw new IllegalStateException("Only a deceased or moved-out elder can be made active again");
        }
        this.lifeStatus = LifeStatus.ACTIVE;
        this.lifeStatusDate = null;
        this.lifeStatusReason = null;
        this.lifeStatusRecordedAt = null;
        touch(actor);
    }

    private void touch(String actor) {
        this.updatedAt = Instant.now();
        this.updatedBy = actor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Long getId() {
        return id;
    }

    String getResidentId() {
        return residentId;
    }

    String getName() {
        return name;
    }

    Sex getSex() {
        return sex;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    String getEthnicity() {
        return ethnicity;
    }

    String getPhone() {
        return phone;
    }

    boolean isHukouLocal() {
        return hukouLocal;
    }

    String getCommunityCode() {
        return communityCode;
    }

    String getAddress() {
        return address;
    }

    LivingArrangement getLivingArrangement() {
        return livingArrangement;
    }

    boolean isSolitary() {
        return solitary;
    }

    boolean isLostOnlyChild() {
        return lostOnlyChild;
    }

    EconomicStatus getEconomicStatus() {
        return economicStatus;
    }

    BigDecimal getIncomePerPerson() {
        return incomePerPerson;
    }

    DisabilityCategory getDisabilityCategory() {
        return disabilityCategory;
    }

    Integer getDisabilityLevel() {
        return disabilityLevel;
    }

    boolean isLeftBehind() {
        return leftBehind;
    }

    boolean isOnlyChildDisabled() {
        return onlyChildDisabled;
    }

    boolean isSpecialCareRecipient() {
        return specialCareRecipient;
    }

    boolean isSeriousIllness() {
        return seriousIllness;
    }

    String getGuardianName() {
        return guardianName;
    }

    String getGuardianRelation() {
        return guardianRelation;
    }

    String getGuardianPhone() {
        return guardianPhone;
    }

    String getEmergencyName() {
        return emergencyName;
    }

    String getEmergencyPhone() {
        return emergencyPhone;
    }

    LifeStatus getLifeStatus() {
        return lifeStatus;
    }

    Instant getLifeStatusRecordedAt() {
        return lifeStatusRecordedAt;
    }

    LocalDate getLifeStatusDate() {
        return lifeStatusDate;
    }

    String getLifeStatusReason() {
        return lifeStatusReason;
    }

    Integer getCapabilityLevel() {
        return capabilityLevel;
    }

    String getNotes() {
        return notes;
    }

    boolean isDemo() {
        return demo;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    long getVersion() {
        return version;
    }
}
