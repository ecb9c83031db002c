package org.yinling.institution;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class InstitutionNavigation {

    @Bean
    NavItem institutionsNavItem() {
        return new NavItem("nav.institutions", "/institutions", 300,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }

    /** An institution's manager: their own institution (issue 23). */
    @Bean
    NavItem ownInstitutionNavItem() {
        return new NavItem("nav.institutions.mine", "/institutions/mine", 301, Set.of("INSTITUTION_MANAGER"));
    }

    @Bean
    NavItem waitingListNavItem() {
        return new NavItem("nav.waitingList", "/waiting-list", 310,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }

    @Bean
    NavItem caregiversNavItem() {
        return new NavItem("nav.caregivers", "/caregivers", 320, Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER"));
    }

    @Bean
    NavItem institutionRatesNavItem() {
        return new NavItem("nav.admin.institutionRates", "/institutions/rates", 930, Set.of("ADMIN"));
    }
}
