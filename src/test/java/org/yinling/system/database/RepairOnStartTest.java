package org.yinling.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-off start with {@code yinling.flyway.repair-on-start=true} on a database migrated at 6e78cda (the landed
 * V13, without the payee columns; V10 and V11 not applied, they landed later with lower numbers): the application
 * starts, and its database then has the schema and the history of one migrated from scratch.
 */
@SpringBootTest(properties = {"yinling.flyway.repair-on-start=true", "yinling.demo.enabled=false"})
class RepairOnStartTest {

    static ScratchDatabases databases;
    static String url;

    @DynamicPropertySource
    static void databaseMigratedBeforeTheEdits(DynamicPropertyRegistry registry) throws IOException {
        // released at JVM exit: the cached application context keeps using it
        databases = ScratchDatabases.start();
        url = databases.create("repair_on_start");
        Path files = Files.createTempDirectory("landed-6e78cda");
        LandedMigrationRepairTest.migrateAsThen(url, new LandedMigrationRepairTest.LandedState("6e78cda", 14,
                List.of(10, 11), List.of("d6a9604/V13__institutions.sql")), files);
        deleteRecursively(files);
        assertThatThrownBy(() -> ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).migrate())
                .as("without the repair, the application's Flyway refuses this database")
                .isInstanceOf(FlywayValidateException.class);

        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationStartsOnTheRepairedDatabaseWithTodaysSchema() {
        String fresh = databases.create("repair_on_start_fresh");
        ScratchDatabases.flyway(fresh, ScratchDatabases.APPLICATION_LOCATION).migrate();

        assertThat(ScratchDatabases.schema(url)).isEqualTo(ScratchDatabases.schema(fresh));
        assertThat(LandedMigrationRepairTest.history(url))
                .containsExactlyInAnyOrderElementsOf(LandedMigrationRepairTest.history(fresh));
        assertThat(ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).validateWithResult()
                .validationSuccessful).isTrue();
        // what the landed V13 lacked, through the application's own connection
        assertThat(jdbc.sql("SELECT count(payee_bank) + count(payee_account) FROM institution").query(Long.class).single())
                .isZero();
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
