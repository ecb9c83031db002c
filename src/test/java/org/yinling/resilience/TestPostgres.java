package org.yinling.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of the test's own (the same binaries the application embeds), outside the application processes, so
 * that the tests can kill an application without touching its database, and stop and start the database under it.
 */
final class TestPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    TestPostgres(String name) throws IOException {
        this.dataDir = AppProcess.WORK.resolve(name + "-postgres").toAbsolutePath();
        this.port = AppProcess.freePort();
        if (Files.exists(dataDir)) {   // left by an earlier run
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        this.postgres = builder(false).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE yinling ENCODING 'UTF8' TEMPLATE template0");
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedPostgres.Builder builder(boolean clean) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/yinling";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Stops the server (fast shutdown: clients are disconnected). */
    void stop() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** Starts it again on the same data and port. */
    void start() throws IOException {
        postgres = builder(false).start();
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
