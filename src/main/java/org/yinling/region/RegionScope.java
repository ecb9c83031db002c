package org.yinling.region;

/**
 * The part of the region tree a user may see: every region whose code starts with {@link #prefix()}.
 * Data-access code filters with {@code code LIKE prefix || '%'}, which a btree index with text_pattern_ops
 * (or the C collation) on the code column serves.
 */
public record RegionScope(String prefix) {

    private static final RegionScope EVERYTHING = new RegionScope("");

    public RegionScope {
        if (prefix == null || !prefix.matches("|[0-9]{6}|[0-9]{9}|[0-9]{12}")) {
            throw new IllegalArgumentException("A scope prefix has 6, 9 or 12 digits, or none for the whole system");
        }
    }

    /** The whole system: for the system administrator, who manages every district. */
    public static RegionScope everything() {
        return EVERYTHING;
    }

    public static RegionScope of(String regionCode, RegionLevel level) {
        return new RegionScope(regionCode.substring(0, level.significantDigits()));
    }

    public boolean contains(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix);
    }

    /** The pattern for a SQL LIKE over region codes. */
    public String likePattern() {
        return prefix + "%";
    }
}
