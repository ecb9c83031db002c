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
}
