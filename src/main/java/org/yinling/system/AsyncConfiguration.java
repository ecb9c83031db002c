package org.yinling.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Long work (reading an uploaded spreadsheet) runs on Spring Boot's task executor, not on a request thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
