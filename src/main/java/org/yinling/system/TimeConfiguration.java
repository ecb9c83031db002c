package org.yinling.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Dates (today, this month, ages, the meal day, settlement and batch months) are
 * the civil dates of the bureau's zone, never of the host's: a server in UTC would still be on "yesterday" from
 * 00:00 to 08:00 Beijing time. Every class that needs the time injects this {@link Clock}; nothing calls
 * {@code now()} without it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${yinling.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** {@code @PastOrPresent} and its kin judge dates by the same clock, not by the host's zone. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
