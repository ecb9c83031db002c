package org.yinling.api;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class ApiNavigation {

    @Bean
    NavItem apiClientsNavItem() {
        return new NavItem("nav.admin.apiClients", "/admin/api-clients", 915, Set.of("ADMIN"));
    }
}
