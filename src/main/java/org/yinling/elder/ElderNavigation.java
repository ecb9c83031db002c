package org.yinling.elder;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class ElderNavigation {

    @Bean
    NavItem elderRegistryNavItem() {
        return new NavItem("nav.elders", "/elders", 100,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }

    /** Elders whose capability assessment runs out within 60 days (issue 21 §5). */
    @Bean
    NavItem assessmentsDueNavItem() {
        return new NavItem("nav.assessmentsDue", "/elders/assessments/due", 110,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }

    @Bean
    NavItem assessmentAgenciesNavItem() {
        return new NavItem("nav.assessmentAgencies", "/elders/assessment-agencies", 115,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }
}
