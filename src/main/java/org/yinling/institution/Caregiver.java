package org.yinling.institution;

import java.time.LocalDate;

/** A caregiver as listed: certified when a certificate is recorded and not expired. */
public record Caregiver(long id, long institutionId, String institutionName, String name, String certificateType,
                        String certificateNumber, String certificateLevel, LocalDate certificateExpires, boolean active,
                        long version) {

    public boolean certifiedOn(LocalDate day) {
        return certificateNumber != null && (certificateExpires == null || !certificateExpires.isBefore(day));
    }

    public boolean expiredOn(LocalDate day) {
        return certificateNumber != null && certificateExpires != null && certificateExpires.isBefore(day);
    }
}
