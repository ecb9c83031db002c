package org.yinling.elder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of an elder as the audit log records them: the ID masked (the audit viewer is not a way round the
 * detail page's access rule), everything else as entered.
 */
final class ElderSnapshot {

    private ElderSnapshot() {
    }

    static Map<String, Object> of(Elder e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("residentId", ResidentId.mask(e.getResidentId()));
        values.put("name", e.getName());
        values.put("ethnicity", e.getEthnicity());
        values.put("phone", e.getPhone());
        values.put("hukouLocal", e.isHukouLocal());
        values.put("communityCode", e.getCommunityCode());
        values.put("address", e.getAddress());
        values.put("livingArrangement", e.getLivingArrangement());
        values.put("solitary", e.isSolitary());
        values.put("lostOnlyChild", e.isLostOnlyChild());
        values.put("economicStatus", e.getEconomicStatus());
        values.put("incomePerPerson", e.getIncomePerPerson() == null ? null : e.getIncomePerPerson().toPlainString());
        values.put("disabilityCategory", e.getDisabilityCategory());
        values.put("disabilityLevel", e.getDisabilityLevel());
        values.put("leftBehind", e.isLeftBehind());
        values.put("onlyChildDisabled", e.isOnlyChildDisabled());
        values.put("specialCareRecipient", e.isSpecialCareRecipient());
        values.put("seriousIllness", e.isSeriousIllness());
        values.put("guardianName", e.getGuardianName());
        values.put("guardianRelation", e.getGuardianRelation());
        values.put("guardianPhone", e.getGuardianPhone());
        values.put("emergencyName", e.getEmergencyName());
        values.put("emergencyPhone", e.getEmergencyPhone());
        values.put("lifeStatus", e.getLifeStatus());
        values.put("lifeStatusDate", e.getLifeStatusDate() == null ? null : e.getLifeStatusDate().toString());
        values.put("capabilityLevel", e.getCapabilityLevel());
        values.put("notes", e.getNotes());
        return values;
    }

    /** {before: {field: old}, after: {field: new}} for the fields that changed. */
    static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(String.valueOf(before.get(field)), String.valueOf(value))) {
                changedBefore.put(field, before.get(field));
                changedAfter.put(field, value);
            }
        });
        return Map.of("before", changedBefore, "after", changedAfter);
    }
}
