package org.yinling.system.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process PostgreSQL that starts when no {@code spring.datasource.url} is given.
 *
 * @param dataDir   where the cluster lives; survives restarts unless {@code clean} is set
 * @param port      TCP port on localhost; 0 picks a free one
 * @param database  database created inside the cluster for the application
 * @param clean     wipe the data directory the first time this JVM starts the server (tests)
 */
@ConfigurationProperties("yinling.db.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("15432") int port,
        @DefaultValue("yinling") String database,
        @DefaultValue("false") boolean clean) {
}
