package org.yinling.region;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of the region tree a user may see: every region whose code starts with {@link #prefix()}.
 * Data-access code filters with {@code code LIKE prefix || '%'}, which a btree index with text_pattern_ops
 * (or the C collation) on the code column serves.
 */
public record RegionScope(String prefix) {

    private static final RegionScope EVERYTHING = new RegionScope("");
    private static final Pattern CODE = Pattern.compile("[0-9]{12}");
    private static final Pattern COLUMN = Pattern.compile("([a-z][a-z0-9_]*\\.)?[a-z][a-z0-9_]*");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

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

    /**
     * The part of this scope that a list's street and community filters select: the regions inside this scope, the
     * street and the community at once. A blank or malformed choice does not filter (the list's "all" option). A
     * street or community outside this scope, or a community outside the chosen street, selects nothing: the result
     * is never wider than this scope, nor than either choice.
     *
     * @param street    the 12-digit code of a street (its first 9 digits select), or blank
     * @param community the 12-digit code of a community, or blank
     * @return the narrowed scope, or empty when the choices select no region at all (the list then has no rows)
     */
    public Optional<RegionScope> narrowedTo(String street, String community) {
        Optional<RegionScope> narrowed = Optional.of(this);
        if (street != null && CODE.matcher(street).matches()) {
            narrowed = narrowed.flatMap(scope -> scope.within(street.substring(0, RegionLevel.STREET.significantDigits())));
        }
        if (community != null && CODE.matcher(community).matches()) {
            narrowed = narrowed.flatMap(scope -> scope.within(community));
        }
        return narrowed;
    }

    /** The regions both in this scope and under {@code other}: the longer prefix of the two, or none when they part. */
    private Optional<RegionScope> within(String other) {
        if (other.startsWith(prefix)) {
            return Optional.of(other.length() == prefix.length() ? this : new RegionScope(other));
        }
        return prefix.startsWith(other) ? Optional.of(this) : Optional.empty();
    }

    /**
     * The SQL condition that keeps a region-code {@code column} inside this scope, with {@link #sqlValue()} bound to
     * the named parameter {@code parameter}: {@code column = :parameter} for one community, so that an index on
     * (…, code, …) also serves the columns after the code (a queue's order), else {@code column LIKE :parameter}.
     */
    public String condition(String column, String parameter) {
        if (parameter == null || !PARAMETER.matcher(parameter).matches()) {
            throw new IllegalArgumentException("Not a parameter name: " + parameter);
        }
        return condition(column).replace("?", ":" + parameter);
    }

    /** {@link #condition(String, String)} with a positional parameter ({@code ?}). */
    public String condition(String column) {
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column: " + column);
        }
        return column + (isCommunity() ? " = ?" : " LIKE ?");
    }

    /** What to bind to {@link #condition(String, String)}: the community's code, else {@link #likePattern()}. */
    public String sqlValue() {
        return isCommunity() ? prefix : likePattern();
    }

    private boolean isCommunity() {
        return prefix.length() == RegionLevel.COMMUNITY.significantDigits();
    }
}
