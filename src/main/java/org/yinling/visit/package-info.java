/**
 * Visits to elders in special hardship (特殊困难老年人探访关爱, issue 19): roster rules as data (the subsidy rule
 * compiler's criteria), a roster recomputed set-based from the registry, risk tiers and visit frequencies per region,
 * visitors (role VISITOR and community clerks) bound to elders, visits with findings in five areas, urgent alerts to
 * the street and district, and the due and overdue lists. The monthly fact {@code visit_month} serves the visit rate
 * (月探访率). See docs/visits.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Visits",
        allowedDependencies = {"account", "audit", "elder", "institution", "region", "subsidy :: rule", "system"})
package org.yinling.visit;
