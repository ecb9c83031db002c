package org.yinling.homecare;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** The home-care menu (group 7): each entry for the roles whose pages it leads to. */
@Configuration(proxyBeanMethods = false)
class HomeCareNavigation {

    static final Set<String> STAFF = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK");
    static final Set<String> READERS = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER");
    static final Set<String> READERS_AND_PROVIDER = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK",
            "MANAGER", "PROVIDER_MANAGER");

    @Bean
    NavItem homeCareWorkNavItem() {
        return new NavItem("nav.homeCare.work", "/home-care/work", 700, Set.of("CARE_WORKER"));
    }

    @Bean
    NavItem homeCareOrdersNavItem() {
        return new NavItem("nav.homeCare.orders", "/home-care/orders", 705, READERS_AND_PROVIDER);
    }

    @Bean
    NavItem homeCareMissedNavItem() {
        return new NavItem("nav.homeCare.missed", "/home-care/missed", 710, Set.of("DISTRICT_STAFF", "STREET_REVIEWER",
                "COMMUNITY_CLERK", "PROVIDER_MANAGER"));
    }

    @Bean
    NavItem homeCarePlansNavItem() {
        return new NavItem("nav.homeCare.plans", "/home-care/plans", 720, READERS);
    }

    @Bean
    NavItem homeCareCallbacksNavItem() {
        return new NavItem("nav.homeCare.callbacks", "/home-care/callbacks", 730, STAFF);
    }

    @Bean
    NavItem homeCareSettlementsNavItem() {
        return new NavItem("nav.homeCare.settlements", "/home-care/settlements", 740,
                Set.of("DISTRICT_STAFF", "MANAGER", "PROVIDER_MANAGER"));
    }

    @Bean
    NavItem homeCareProvidersNavItem() {
        return new NavItem("nav.homeCare.providers", "/home-care/providers", 750, READERS_AND_PROVIDER);
    }

    @Bean
    NavItem homeCareCatalogueNavItem() {
        return new NavItem("nav.homeCare.catalogue", "/home-care/catalogue", 760, READERS_AND_PROVIDER);
    }
}
