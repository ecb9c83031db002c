package org.yinling.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

/**
 * A throwaway embedded PostgreSQL for Flyway experiments, apart from the application's: each scenario gets an empty
 * database of its own. Flyway is configured as Spring Boot configures it for the application (its defaults, the
 * {@code spring.flyway.locations} of application.properties), so what passes here passes at start-up.
 */
final class ScratchDatabases implements AutoCloseable {

    /** The application's migrations, as {@code spring.flyway.locations} names them. */
    static final String APPLICATION_LOCATION = "classpath:db/migration";

    private final EmbeddedPostgresServer server;

    private ScratchDatabases(EmbeddedPostgresServer server) {
        this.server = server;
    }

    static ScratchDatabases start() {
        return new ScratchDatabases(EmbeddedPostgresServer.acquire(
                // one directory per test JVM, like the application's test database (parallel builds in one checkout)
                new EmbeddedDatabaseProperties(Path.of("target/flyway-scratch-postgres", Long.toString(ProcessHandle.current().pid())),
                        0, "scratch", true)));
    }

    /** A new empty database; returns its JDBC URL. */
    String create(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(name);
        }
        execute(server.jdbcUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute(server.jdbcUrl(), "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return "jdbc:postgresql://localhost:" + server.port() + "/" + name;
    }

    static Flyway flyway(String url, String... locations) {
        return Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations(locations)
                .cleanDisabled(true)
                .load();
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<String> rows(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Everything the application relies on in the public schema, one sorted line per item: columns with their types,
     * nullability, defaults and collations; indexes; constraints; triggers; functions (by body); views. Two databases
     * with equal lists have the same schema.
     */
    static List<String> schema(String url) {
        List<String> schema = new ArrayList<>();
        schema.addAll(rows(url, """
                SELECT 'column ' || table_name || '.' || column_name, data_type, character_maximum_length,
                       numeric_precision, numeric_scale, is_nullable, column_default, collation_name
                FROM information_schema.columns WHERE table_schema = 'public'"""));
        schema.addAll(rows(url, "SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"));
        schema.addAll(rows(url, """
                SELECT 'constraint ' || c.conname, c.conrelid::regclass, pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'"""));
        schema.addAll(rows(url, """
                SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid)
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND NOT t.tgisinternal"""));
        schema.addAll(rows(url, """
                SELECT 'function ' || p.oid::regprocedure, md5(p.prosrc)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"""));
        schema.addAll(rows(url, "SELECT 'view ' || viewname, md5(definition) FROM pg_views WHERE schemaname = 'public'"));
        schema.addAll(rows(url, """
                SELECT 'sequence ' || sequencename, data_type FROM pg_sequences WHERE schemaname = 'public'"""));
        return schema.stream().sorted().toList();
    }

    /** The application's migration files (as built into target/classes). */
    static Path applicationMigrations() {
        try {
            return Path.of(ScratchDatabases.class.getResource("/db/migration").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path landedFile(String commit, String fileName) {
        try {
            return Path.of(ScratchDatabases.class.getResource("/db/landed/" + commit + "/" + fileName).toURI());
        }
        catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("No landed version " + commit + "/" + fileName, e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.release();
    }
}
