package org.yinling.system;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Long work (reading an uploaded spreadsheet, generating a payment batch, an automatic enrolment) runs on Spring
 * Boot's task executor, not on a request thread.
 *
 * <p>The executor is sized against the database pool, so that pages always find connections: a background task may
 * hold {@value #CONNECTIONS_PER_TASK} connections at once (an import's advisory lock lives on a connection of its own
 * beside the one that writes), and {@code yinling.async.reserved-connections} of the pool stay for requests. Boot's
 * default of eight threads let eight parallel imports take all ten connections (penetration test L2): other users
 * waited for seconds and imports failed for want of a connection. Tasks beyond the threads wait in the queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    /** The most connections one background task holds at once. */
    static final int CONNECTIONS_PER_TASK = 2;

    @Bean
    ThreadPoolTaskExecutorCustomizer backgroundWorkLeavesConnectionsForPages(DataSource dataSource,
            @Value("${yinling.async.max-threads:3}") int maxThreads,
            @Value("${yinling.async.reserved-connections:4}") int reservedConnections) {
        int threads = threads(poolSize(dataSource), maxThreads, reservedConnections);
        log.info("Background tasks: {} threads", threads);
        return executor -> {
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
        };
    }

    /** As many threads as the pool allows beside the reserved connections, at most {@code maxThreads}, at least one. */
    static int threads(int poolSize, int maxThreads, int reservedConnections) {
        return Math.max(1, Math.min(maxThreads, (poolSize - reservedConnections) / CONNECTIONS_PER_TASK));
    }

    private static int poolSize(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            }
        }
        catch (SQLException e) {
            // not a Hikari pool: assume Hikari's default
        }
        return 10;
    }
}
