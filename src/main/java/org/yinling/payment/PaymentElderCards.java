package org.yinling.payment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yinling.elder.ElderCard;

/** The elder page's card of the elder's payment history. */
@Configuration(proxyBeanMethods = false)
class PaymentElderCards {

    @Bean
    ElderCard paymentElderCard() {
        return new ElderCard("payment-history", "payment.history.title", "/payments/elders/{id}/history", 200,
                Set.of("DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"), ElderCard.Body.FILLS);
    }
}
