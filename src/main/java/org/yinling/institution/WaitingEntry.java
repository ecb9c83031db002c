package org.yinling.institution;

import java.time.LocalDate;

import org.yinling.elder.ResidentId;

/** One elder waiting for a public institution, at their current position. */
public record WaitingEntry(long id, int position, long elderId, String elderName, String residentId,
                           WaitingCategory category, Integer capabilityLevel, LocalDate appliedOn,
                           long institutionId, String communityCode) {

    /** For the public list: 张*华, 王* (the surname and, from three characters, the last character). */
    public String maskedName() {
        int length = elderName.codePointCount(0, elderName.length());
        if (length <= 1) {
            return "*";
        }
        String first = new String(Character.toChars(elderName.codePointAt(0)));
        if (length == 2) {
            return first + "*";
        }
        String last = new String(Character.toChars(elderName.codePointBefore(elderName.length())));
        return first + "*".repeat(length - 2) + last;
    }

    public String maskedResidentId() {
        return ResidentId.mask(residentId);
    }
}
