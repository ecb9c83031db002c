package org.yinling.elder;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class StatusImportNavigation {

    @Bean
    NavItem statusImportsNavItem() {
        return new NavItem("nav.statusImports", "/elders/status-imports", 105,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER"));
    }
}
