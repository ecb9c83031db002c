package org.yinling.region;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class RegionNavigation {

    @Bean
    NavItem regionAdministrationNavItem() {
        return new NavItem("nav.admin.regions", "/admin/regions", 910, Set.of("ADMIN"));
    }

    @Bean
    NavItem issuingBureauNavItem() {
        return new NavItem("bureau.title", "/admin/bureaux", 912, Set.of("ADMIN"));
    }
}
