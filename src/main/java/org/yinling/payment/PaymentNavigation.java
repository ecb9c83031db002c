package org.yinling.payment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class PaymentNavigation {

    @Bean
    NavItem paymentBatchesNavItem() {
        return new NavItem("nav.payments", "/payments/batches", 400, Set.of("DISTRICT_STAFF"));
    }

    @Bean
    NavItem paymentRecoveriesNavItem() {
        return new NavItem("nav.recoveries", "/payments/recoveries", 410, Set.of("DISTRICT_STAFF", "STREET_REVIEWER"));
    }
}
