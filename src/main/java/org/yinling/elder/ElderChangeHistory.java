package org.yinling.elder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditEntry;
import org.yinling.audit.AuditQueries;
import tools.jackson.databind.json.JsonMapper;

/** An elder's change history from the audit log, as field-by-field changes a clerk can read. */
@Component
class ElderChangeHistory {

    /** Fields whose stored values are enum names (or levels) with a message key per value. */
    private static final Set<String> ENUM_FIELDS = Set.of("livingArrangement", "economicStatus", "lifeStatus",
            "disabilityCategory", "disabilityLevel");
    /** Yes/no fields: shown as 是/否 (Yes/No), never as true/false. */
    private static final Set<String> FLAG_FIELDS = Set.of("hukouLocal", "solitary", "lostOnlyChild", "leftBehind",
            "onlyChildDisabled", "specialCareRecipient", "seriousIllness");
    /** Fields masked for a user who may not see personal numbers in full (the resident ID is stored masked). */
    private static final Set<String> PHONE_FIELDS = Set.of("phone", "guardianPhone", "emergencyPhone");

    private final AuditQueries auditQueries;
    private final JsonMapper json;

    ElderChangeHistory(AuditQueries auditQueries, JsonMapper json) {
        this.auditQueries = auditQueries;
        this.json = json;
    }

    /** The changes as {@code user} may see them: phone numbers masked unless the user sees personal data in full. */
    List<Change> of(long elderId, int limit, CurrentUser user) {
        return auditQueries.changesOf(ElderService.ENTITY, elderId, limit).stream()
                .map(entry -> change(entry, user)).toList();
    }

    @SuppressWarnings("unchecked")
    private Change change(AuditEntry entry, CurrentUser user) {
        List<FieldChange> fields = new ArrayList<>();
        if ("ELDER_UPDATED".equals(entry.action()) && entry.details() != null) {
            Map<String, Object> details = json.readValue(entry.details(), Map.class);
            Map<String, Object> before = (Map<String, Object>) details.getOrDefault("before", Map.of());
            Map<String, Object> after = (Map<String, Object>) details.getOrDefault("after", Map.of());
            after.forEach((field, value) -> {
                String old = text(before.get(field));
                String now = text(value);
                if (PHONE_FIELDS.contains(field)) {
                    old = text(user.phone(old));
                    now = text(user.phone(now));
                }
                fields.add(new FieldChange(field, old, now, ENUM_FIELDS.contains(field) ? "elder." + field + "."
                        : FLAG_FIELDS.contains(field) ? "elder.flag." : null));
            });
        }
        return new Change(entry.at(), entry.actor(), entry.action(), fields);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One audited change: who, when, what, and for corrections the fields before and after. */
    public record Change(OffsetDateTime at, String actor, String action, List<FieldChange> fields) {
    }

    /** A changed field; {@code valueKeyPrefix} is set where values are codes with their own message keys. */
    public record FieldChange(String field, String before, String after, String valueKeyPrefix) {

        public String labelKey() {
            return "elder.field." + field;
        }
    }
}
