/**
 * Elders: the registry of older people with resident-ID validation, categories, life status and capability
 * assessments (GB/T 42195-2022). Publishes {@link org.yinling.elder.ElderRegistered}, {@link org.yinling.elder.ElderDeceased},
 * {@link org.yinling.elder.ElderMovedOut}, {@link org.yinling.elder.EldersLeft}, {@link org.yinling.elder.ElderAssessed}, {@link org.yinling.elder.ElderUpdated},
 * {@link org.yinling.elder.EldersUpdated} and {@link org.yinling.elder.EldersImported} for later modules. Other modules add cards to an elder's page as
 * {@link org.yinling.elder.ElderCard} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elders",
        allowedDependencies = {"account", "audit", "region", "system"})
package org.yinling.elder;
