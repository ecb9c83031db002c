package org.yinling.meal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.elder.ElderCard;

/** The elder page's card of the elder's meals at meal points. */
@Configuration(proxyBeanMethods = false)
class MealElderCards {

    @Bean
    ElderCard mealElderCard() {
        return new ElderCard("meal-history", "meal.elder.title", "/meal-points/elders/{id}/meals", 400,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"), ElderCard.Body.FILLS);
    }
}
