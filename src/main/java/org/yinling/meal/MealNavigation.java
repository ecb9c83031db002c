package org.yinling.meal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.system.NavItem;

@Configuration(proxyBeanMethods = false)
class MealNavigation {

    @Bean
    NavItem mealPointsNavItem() {
        return new NavItem("nav.mealPoints", "/meal-points", 500,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"));
    }

    @Bean
    NavItem mealRatesNavItem() {
        return new NavItem("nav.admin.mealRates", "/meal-points/rates", 940, Set.of("ADMIN"));
    }

    @Bean
    NavItem mealCategoriesNavItem() {
        return new NavItem("nav.admin.mealCategories", "/meal-points/categories", 945, Set.of("ADMIN"));
    }
}
