package org.yinling.institution;

import java.time.LocalDate;

/**
 * An institution (filed: {@code filingDate}, {@code filingReceipt}; {@code licenceNumber}, {@code licenceDate}: its
 * former 设立许可 licence, kept as history) with its bed counts (computed from the beds and open stays, never typed): beds, nursing-type beds,
 * occupied beds, and beds occupied by elders who are not 特困. The star grade ({@code starLevel}, {@code starRatedOn},
 * {@code starValidUntil}) is that of the institution's latest decided rating (issue 23: a later "not rated" ends an
 * earlier grade, so then it is null); {@code starExpired} when its validity ended before the day it was read (the
 * application's clock): such a grade is shown as expired and is not the grade the institution holds.
 */
public record Institution(long id, String name, InstitutionKind kind, Ownership ownership, String operator,
                          String licenceNumber, LocalDate licenceDate, String communityCode, String address,
                          String contactName, String contactPhone, Integer starLevel, LocalDate starRatedOn,
                          LocalDate starValidUntil, boolean starExpired, LocalDate openedOn, InstitutionStatus status, MedicalArrangement medicalArrangement,
                          String medicalDocument, String payeeBank, String payeeAccount, String notes, long version,
                          int beds, int nursingBeds, int occupiedBeds, int otherEldersStaying, LocalDate filingDate,
                          String filingReceipt) {

    /** The grade the institution holds on the day it was read: null when none, not rated, or expired. */
    public Integer currentStarLevel() {
        return starExpired ? null : starLevel;
    }

    /** A former 设立许可 licence on record (history: no longer asked for since filing replaced it). */
    public boolean hasFormerLicence() {
        return licenceNumber != null || licenceDate != null;
    }

    public MedicalArrangement requiredMedicalArrangement() {
        return MedicalArrangement.requiredFor(beds);
    }

    /** The seed 002 rule: false when the medical arrangement falls short of what the bed count needs. */
    public boolean medicallyCompliant() {
        return medicalArrangement.sufficientFor(beds);
    }

    public int reservedForExtremePoverty() {
        return ReservedBeds.forExtremePoverty(ownership, beds);
    }

    public int occupancyPercent() {
        return beds == 0 ? 0 : occupiedBeds * 100 / beds;
    }
}
