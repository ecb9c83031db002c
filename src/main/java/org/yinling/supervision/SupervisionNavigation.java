package org.yinling.supervision;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** The supervision entries of the institutions menu (group 3), for district and street staff and managers. */
@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

    static final Set<String> READERS = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER");

    @Bean
    NavItem supervisionInspectionsNavItem() {
        return new NavItem("nav.supervision.inspections", "/supervision/inspections", 340, READERS);
    }

    @Bean
    NavItem supervisionFindingsNavItem() {
        return new NavItem("nav.supervision.findings", "/supervision/findings", 350, READERS);
    }

    @Bean
    NavItem supervisionIncidentsNavItem() {
        return new NavItem("nav.supervision.incidents", "/supervision/incidents", 355, READERS);
    }

    @Bean
    NavItem supervisionCertificatesNavItem() {
        return new NavItem("nav.supervision.certificates", "/supervision/certificates", 356, READERS);
    }

    @Bean
    NavItem supervisionRatingsNavItem() {
        return new NavItem("nav.supervision.ratings", "/supervision/ratings", 357, READERS);
    }

    @Bean
    NavItem supervisionChecklistNavItem() {
        return new NavItem("nav.supervision.checklist", "/supervision/checklists", 360, READERS);
    }
}
