package org.yinling.dashboard;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

/** The monthly statistics export (upward reporting, issue 22 §4) in the menu, for whoever reads the reports. */
@Configuration(proxyBeanMethods = false)
class StatisticsExportNavigation {

    @Bean
    NavItem statisticsExportNavItem() {
        return new NavItem("nav.statisticsExport", "/reports/statistics", 615,
                Set.of("MANAGER", "DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK"));
    }
}
