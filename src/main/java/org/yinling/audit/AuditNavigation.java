package org.yinling.audit;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavItem auditNavItem() {
        return new NavItem("nav.admin.audit", "/admin/audit", 920, Set.of("ADMIN"));
    }
}
