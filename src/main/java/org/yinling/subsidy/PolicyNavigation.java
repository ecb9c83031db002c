package org.yinling.subsidy;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

    @Bean
    NavItem subsidyPoliciesNavItem() {
        return new NavItem("policy.nav", "/subsidies/policies", 200, Set.of("ADMIN", "DISTRICT_STAFF"));
    }

    @Bean
    NavItem policySimulationNavItem() {
        return new NavItem("simulation.nav", "/subsidies/simulation", 205, Set.of("ADMIN", "DISTRICT_STAFF", "MANAGER"));
    }
}
