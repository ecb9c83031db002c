package org.yinling.institution;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.elder.ElderCard;

/** The elder page's card of the elder's stays in institutions. */
@Configuration(proxyBeanMethods = false)
class InstitutionElderCards {

    @Bean
    ElderCard institutionElderCard() {
        return new ElderCard("institution-stays", "elder.section.stays", "/institutions/elders/{id}/stays", 300,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"), ElderCard.Body.FILLS);
    }
}
