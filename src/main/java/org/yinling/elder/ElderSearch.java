package org.yinling.elder;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yinling.system.Paging;

/**
 * The registry's search: one text field (name prefix, full resident ID, or its last 4–6 characters) and filters.
 * Blank fields do not filter. Bound from the query string of {@code /elders}. Ages are bounded to 0–{@value #MAX_AGE}
 * (the page's inputs allow 0–130): {@code ageMin=2147483647} is no age, and "born before today minus that many
 * years" was a date no calendar has (a 500).
 */
public record ElderSearch(String q, String street, String community, Integer ageMin, Integer ageMax,
                   LivingArrangement living, EconomicStatus economic, Integer level, LifeStatus life, String sort,
                   Integer page) {

    static final int PAGE_SIZE = 20;
    static final int MAX_AGE = 150;
    /** Text of the search kept in an audit record, at most this long. */
    private static final int AUDIT_TEXT = 100;

    public ElderSearch {
        ageMin = bounded(ageMin);
        ageMax = bounded(ageMax);
    }

    private static Integer bounded(Integer age) {
        return age == null ? null : Math.max(0, Math.min(age, MAX_AGE));
    }

    public int pageNumber() {
        return Paging.page(page);
    }

    public String sortKey() {
        return sort == null || !ElderQueries.SORTS.containsKey(sort) ? "newest" : sort;
    }

    /**
     * The search as an audit record's details: the filters that applied, by name, with the sort as applied (not as
     * typed) and texts cut to {@value #AUDIT_TEXT} characters without control characters, so that no request input
     * can make PostgreSQL refuse the audit row (it refuses U+0000 in jsonb).
     */
    Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        putText(details, "q", q);
        putText(details, "street", street);
        putText(details, "community", community);
        putValue(details, "ageMin", ageMin);
        putValue(details, "ageMax", ageMax);
        putValue(details, "living", living);
        putValue(details, "economic", economic);
        putValue(details, "level", level);
        putValue(details, "life", life);
        details.put("sort", sortKey());
        return details;
    }

    private static void putValue(Map<String, Object> details, String name, Object value) {
        if (value != null) {
            details.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private static void putText(Map<String, Object> details, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        StringBuilder clean = new StringBuilder();
        value.strip().codePoints().filter(c -> c >= 0x20 && c != 0x7F)
                .limit(AUDIT_TEXT).forEach(clean::appendCodePoint);
        if (!clean.isEmpty()) {
            details.put(name, clean.toString());
        }
    }
}
