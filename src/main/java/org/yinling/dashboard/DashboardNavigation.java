package org.yinling.dashboard;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    private static final Set<String> READERS = Set.of("MANAGER", "DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK");

    @Bean
    NavItem dashboardNavItem() {
        return new NavItem("nav.dashboard", "/dashboard", 600, READERS);
    }

    @Bean
    NavItem monthlyReportNavItem() {
        return new NavItem("nav.monthlyReport", "/reports/monthly", 610, READERS);
    }

    /** Official statistics per region and year (issue 21 §4): the denominators of the ratios where entered. */
    @Bean
    NavItem statisticsNavItem() {
        return new NavItem("nav.statistics", "/dashboard/statistics", 620, READERS);
    }

    @Bean
    NavItem targetsNavItem() {
        return new NavItem("nav.admin.targets", "/admin/targets", 950, Set.of("ADMIN"));
    }
}
