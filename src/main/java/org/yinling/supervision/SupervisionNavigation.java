package org.yinling.supervision;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** The supervision entries of the institutions menu (group 3), for district and street staff and managers;
 * findings and incidents also for an institution's manager. */
@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

    static final Set<String> READERS = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER");
    /** Findings and incidents: also an institution's manager (their own institution's). */
    static final Set<String> FOLLOWERS = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER", "INSTITUTION_MANAGER");

    @Bean
    NavItem supervisionInspectionsNavItem() {
        return new NavItem("nav.supervision.inspections", "/supervision/inspections", 340, READERS);
    }

    @Bean
    NavItem supervisionFindingsNavItem() {
        return new NavItem("nav.supervision.findings", "/supervision/findings", 350, FOLLOWERS);
    }

    @Bean
    NavItem supervisionIncidentsNavItem() {
        return new NavItem("nav.supervision.incidents", "/supervision/incidents", 355, FOLLOWERS);
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

    @Bean
    NavItem supervisionDeadlinesNavItem() {
        return new NavItem("nav.supervision.deadlines", "/supervision/deadlines", 362, READERS);
    }

    @Bean
    NavItem supervisionSettingsNavItem() {
        return new NavItem("nav.supervision.settings", "/supervision/settings", 364, READERS);
    }
}
