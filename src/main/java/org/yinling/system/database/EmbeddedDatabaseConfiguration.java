package org.yinling.system.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL in-process when no external database is configured, so a newcomer needs nothing but a
 * JDK. With {@code SPRING_DATASOURCE_URL} set, this configuration is skipped and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.acquire(properties);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPoolName("yinling-embedded");
        // PostgreSQL's error detail repeats the refused row or key ("Failing row contains (…)"): names, resident IDs
        // and phones would reach exception messages and the log (docs/security.md)
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // every region-scoped query binds its scope as a LIKE prefix, which a generic plan cannot use in an index:
        // no server-prepared statements, so each execution is planned with its values (application.properties sets
        // the same for an external database)
        config.addDataSourceProperty("prepareThreshold", "0");
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10));
        // short, so that pages answer "service unavailable" promptly while the database is down
        config.setConnectionTimeout(environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 3000L));
        return new HikariDataSource(config);
    }
}
