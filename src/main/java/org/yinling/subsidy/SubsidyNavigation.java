package org.yinling.subsidy;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** Navigation entries (and home cards) of applications, reviews, publicity and re-checks. */
@Configuration(proxyBeanMethods = false)
class SubsidyNavigation {

    @Bean
    NavItem subsidyApplicationsNavItem() {
        return new NavItem("application.nav.applications", "/subsidies/applications", 210,
                Set.of("COMMUNITY_CLERK", "STREET_REVIEWER", "DISTRICT_STAFF", "MANAGER"));
    }

    @Bean
    NavItem subsidyReviewsNavItem() {
        return new NavItem("application.nav.reviews", "/subsidies/reviews", 220,
                Set.of("COMMUNITY_CLERK", "STREET_REVIEWER", "DISTRICT_STAFF"));
    }

    @Bean
    NavItem subsidyPublicityNavItem() {
        return new NavItem("application.nav.publicity", "/subsidies/publicity", 230,
                Set.of("STREET_REVIEWER", "DISTRICT_STAFF", "MANAGER"));
    }

    @Bean
    NavItem subsidyRechecksNavItem() {
        return new NavItem("application.nav.rechecks", "/subsidies/rechecks", 240,
                Set.of("STREET_REVIEWER", "DISTRICT_STAFF"));
    }
}
