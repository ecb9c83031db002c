package org.yinling.account;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class AccountNavigation {

    @Bean
    NavItem userAdministrationNavItem() {
        return new NavItem("nav.admin.users", "/admin/users", 900, Set.of("ADMIN"));
    }
}
