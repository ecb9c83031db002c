/**
 * Rates: dated rate tables per region (the city default and district or street overrides; the most specific region
 * wins) shared by the meal points and the institutions (issue 21). A change is a new version from a month not yet
 * begun: the past is never repriced. Other modules define their {@link org.yinling.rate.RateTable}, price with the SQL
 * functions {@code rate_version_on} and {@code rate_on} (V42) or {@link org.yinling.rate.Rates}, and show and change
 * their tables with {@link org.yinling.rate.RatePage} and the template {@code rates/page}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rates",
        allowedDependencies = {"account", "audit", "region", "system"})
package org.yinling.rate;
