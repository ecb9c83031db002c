package org.yinling.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed list of scopes an API client may be given (docs/api.md). A route declares the one it needs with
 * {@code @PreAuthorize("hasAuthority('SCOPE_<value>')")}; each scope has a description in both languages
 * ({@link #messageKey()}).
 */
enum ApiScope {

    ELDERS_READ("elders:read"),
    ELDERS_READ_FULL_ID("elders:read-full-id"),
    LIFE_EVENTS_WRITE("life-events:write"),
    STATUS_CHANGES_WRITE("status-changes:write"),
    STATISTICS_READ("statistics:read"),
    PAYMENTS_READ("payments:read"),
    INSTITUTIONS_READ("institutions:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope as tokens, routes and the document spell it, e.g. {@code elders:read}. */
    public String value() {
        return value;
    }

    public String messageKey() {
        return "api.scope." + name();
    }

    static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
