/**
 * Subsidies: policies as data (eligibility criteria and amount tiers that compile to SQL and evaluate in Java),
 * applications with their review chain (社区受理 → 街道初审 → 区审批 → 公示), entitlements, automatic enrolment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidies",
        allowedDependencies = {"account", "audit", "elder", "region", "system"})
package org.yinling.subsidy;
