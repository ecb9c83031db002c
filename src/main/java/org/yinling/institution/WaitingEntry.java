package org.yinling.institution;

import java.time.LocalDate;

import org.yinling.elder.ResidentId;

/**
 * One elder waiting for a public institution, at their current position, as the user may see them
 * ({@link ResidentVisibility}); {@code ownRegion} when the elder lies in the user's own region (who may withdraw the
 * entry).
 */
public record WaitingEntry(long id, int position, long elderId, String elderName, String residentId,
                           WaitingCategory category, Integer capabilityLevel, LocalDate appliedOn,
                           long institutionId, String communityCode, boolean ownRegion) {

    /** For the public list: 张*华, 王* (the surname and, from three characters, the last character). */
    public String maskedName() {
        return maskName(elderName);
    }

    public String maskedResidentId() {
        return ResidentId.mask(residentId);
    }

    static String maskName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= 1) {
            return "*";
        }
        String first = new String(Character.toChars(name.codePointAt(0)));
        if (length == 2) {
            return first + "*";
        }
        String last = new String(Character.toChars(name.codePointBefore(name.length())));
        return first + "*".repeat(length - 2) + last;
    }
}
