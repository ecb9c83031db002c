package org.yinling.visit;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** The visit menu (group 8): each entry for the roles whose pages it leads to. */
@Configuration(proxyBeanMethods = false)
class VisitNavigation {

    static final Set<String> STAFF = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK");
    static final Set<String> READERS = Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER");

    @Bean
    NavItem visitDueNavItem() {
        return new NavItem("nav.visits.due", "/visits/due", 800, Set.of("DISTRICT_STAFF", "STREET_REVIEWER",
                "COMMUNITY_CLERK", "MANAGER", "VISITOR"));
    }

    @Bean
    NavItem visitAlertsNavItem() {
        return new NavItem("nav.visits.alerts", "/visits/alerts", 810, READERS);
    }

    @Bean
    NavItem visitVisitorsNavItem() {
        return new NavItem("nav.visits.visitors", "/visits/visitors", 820, READERS);
    }

    @Bean
    NavItem visitRulesNavItem() {
        return new NavItem("nav.visits.rules", "/visits/rules", 830, Set.of("ADMIN", "DISTRICT_STAFF",
                "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }
}
