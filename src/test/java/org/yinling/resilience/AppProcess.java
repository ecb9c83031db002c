package org.yinling.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application (target/yinling-*.jar, built by the package phase before failsafe runs) as a child
 * process: started with properties on the command line, killed with SIGKILL or stopped with SIGTERM.
 */
final class AppProcess implements AutoCloseable {

    static final Path WORK = Path.of("target", "resilience");

    final String name;
    final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    AppProcess(String name, Map<String, String> properties) {
        this.name = name;
        this.port = freePort();
        this.log = WORK.resolve(name + ".log");
        this.arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        if (!properties.containsKey("yinling.data-dir")) {
            arguments.add("--yinling.data-dir=" + WORK.resolve(name + "-data").toAbsolutePath());
        }
        arguments.add("--logging.level.org.yinling=INFO");
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    }

    /** Properties of a node on the given PostgreSQL (not its own embedded one). */
    static Map<String, String> onDatabase(String jdbcUrl, int demoElders) {
        return Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", "postgres",
                "yinling.demo.elders", Integer.toString(demoElders));
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the application and waits until its readiness probe says UP. */
    AppProcess start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString()));
        command.addAll(arguments);
        Files.writeString(log, "\n===== start " + java.time.Instant.now() + " =====\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(name + " ready (see " + log + ")").atMost(timeout).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)   // not listening yet
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && health.body().contains("UP");
                });
        return this;
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("yinling-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/yinling-*.jar: run ./mvnw verify (package)"));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
