package org.yinling.account;

import java.util.Set;

import org.yinling.region.RegionLevel;

/**
 * The roles of domain.md; each user has exactly one, bound to a region of the levels it allows, and the provider roles
 * to a home-care provider as well.
 */
public enum Role {
    /** System administrator: users, regions, policies, targets; manages the whole system. */
    ADMIN(Set.of(RegionLevel.DISTRICT, RegionLevel.STREET, RegionLevel.COMMUNITY)),
    /** 区民政局: enters and corrects elder records for the district, approves, runs payments. */
    DISTRICT_STAFF(Set.of(RegionLevel.DISTRICT)),
    /** 街道: reviews applications of the street. */
    STREET_REVIEWER(Set.of(RegionLevel.STREET)),
    /** 社区: registers elders and applications of the community. */
    COMMUNITY_CLERK(Set.of(RegionLevel.COMMUNITY)),
    /** Bureau leadership: reads dashboards and reports of their region, changes nothing. */
    MANAGER(Set.of(RegionLevel.DISTRICT, RegionLevel.STREET)),
    /** 服务组织负责人: a home-care provider's manager; sees only their provider's orders, workers and settlements. */
    PROVIDER_MANAGER(Set.of(RegionLevel.DISTRICT)),
    /** 护理员: a provider's care worker; sees only the orders assigned to them. */
    CARE_WORKER(Set.of(RegionLevel.DISTRICT)),
    /**
     * 探访员 (网格员, social worker, volunteer): visits the elders of one community bound to them (module visit); reaches
     * only the visit pages (system.SectionConfinement).
     */
    VISITOR(Set.of(RegionLevel.COMMUNITY)),
    /**
     * 养老机构负责人: an institution's manager (issue 23); sees only their institution (its residents, waiting entries,
     * findings, incidents, certificates), scoped by {@link CurrentUser#institutionId()}; their region is the district
     * that supervises the institution.
     */
    INSTITUTION_MANAGER(Set.of(RegionLevel.DISTRICT));

    private final Set<RegionLevel> regionLevels;

    Role(Set<RegionLevel> regionLevels) {
        this.regionLevels = regionLevels;
    }

    /**
     * The one rule for personal data on every page, export and print: whether this role sees full resident IDs, phone
     * numbers and bank accounts. The read-only manager sees them masked, like the administrator (who reaches no elder
     * pages at all); the roles that register and review elders see them in full, and each such view is audited.
     */
    public boolean seesFullPersonalData() {
        return this != MANAGER && this != ADMIN && !belongsToProvider() && this != INSTITUTION_MANAGER;
    }

    /**
     * Provider managers and care workers belong to a home-care provider, not to a region: their access is scoped by
     * the provider ({@link CurrentUser#providerId()}); their region is only the district that contracts the provider.
     */
    public boolean belongsToProvider() {
        return this == PROVIDER_MANAGER || this == CARE_WORKER;
    }

    public boolean allowsRegionLevel(RegionLevel level) {
        return regionLevels.contains(level);
    }

    /** The Spring Security authority, e.g. {@code ROLE_DISTRICT_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
