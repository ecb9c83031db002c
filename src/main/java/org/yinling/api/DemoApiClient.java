package org.yinling.api;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: an API client of the demo district with every scope and a fixed, published secret (like the demo
 * accounts' password), registered when missing; its id and secret are printed at start-up. An administrator who
 * rotated or revoked it is told so instead. Never in production: the secret is in the source.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoApiClient implements ApplicationRunner {

    static final String NAME = "演示对接系统 Demo agency system";
    static final String SECRET = "yinling-demo-api-secret";
    static final String DISTRICT = "330105000000";
    /** Higher than the default, so that the benchmark's reads by cursor are not throttled. */
    static final int RATE_LIMIT = 60_000;

    private static final Logger log = LoggerFactory.getLogger(DemoApiClient.class);

    private final ApiClients clients;

    DemoApiClient(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        long id = clients.findDemo(NAME).orElseGet(() -> clients.registerDemo(new ApiClientForm(NAME, DISTRICT,
                Arrays.stream(ApiScope.values()).map(ApiScope::value).sorted().toList(), RATE_LIMIT), SECRET)
                .client().id());
        if (clients.authenticate(Long.toString(id), SECRET).isPresent()) {
            log.info("Demo API client: client_id '{}', client_secret '{}' (demo only; POST /api/v1/token, docs/api.md)",
                    id, SECRET);
        }
        else {
            log.info("Demo API client {}: its demo secret was replaced or the client revoked by an administrator", id);
        }
    }
}
