package org.yinling.homecare;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.elder.ElderCard;

/** The elder page's card of home care: the month's service budget, the plan in force and this month's orders. */
@Configuration(proxyBeanMethods = false)
class HomeCareElderCards {

    @Bean
    ElderCard homeCareElderCard() {
        return new ElderCard("home-care", "homecare.card.title", "/home-care/elders/{id}/summary", 450,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"), ElderCard.Body.REPLACES);
    }
}
