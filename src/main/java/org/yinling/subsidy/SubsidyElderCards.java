package org.yinling.subsidy;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.elder.ElderCard;

/** The elder page's card of the elder's applications and entitlements. */
@Configuration(proxyBeanMethods = false)
class SubsidyElderCards {

    @Bean
    ElderCard subsidyElderCard() {
        return new ElderCard("subsidy-summary", "application.summary.title", "/subsidies/elders/{id}/summary", 100,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"), ElderCard.Body.REPLACES);
    }
}
