package org.yinling.subsidy;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work of the subsidy module: the conclusion of due publicity (see {@link PublicityService}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PublicityScheduling {
}
