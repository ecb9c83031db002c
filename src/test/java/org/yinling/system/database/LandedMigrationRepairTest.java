package org.yinling.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated before V11, V13, V15-V17 or V26 were edited refuses to start (Flyway's checksum validation), and
 * so does one migrated before V5, V10, V11, V18 or V19 arrived with a number below one already applied. For every
 * state of the migration files in the history (main and branches) that the application's Flyway refuses, this test
 * migrates an empty database with the files as they were then, shows that the application's Flyway refuses it, runs
 * the operator's procedure by hand from docs/operations.md (the {@link LandedMigrationCatchUp} statements of each
 * landed version its history shows, {@code flyway repair}, migrate out of order, then the application's migrate, as
 * the Maven plugin's goals do), and finds the schema identical to that of a database migrated from scratch, with the
 * same checksums in its history.
 */
class LandedMigrationRepairTest {

    /**
     * A state of src/main/resources/db/migration at a commit: today's files up to {@code highest}, less {@code absent}
     * (added later with a lower number), with {@code landed} files ("commit/file" under src/test/resources/db/landed)
     * in place of today's.
     */
    record LandedState(String commit, int highest, List<Integer> absent, List<String> landed) {

        @Override
        public String toString() {
            return commit;
        }
    }

    static Stream<LandedState> states() {
        return Stream.of(
                // on main: V5 landed after V6-V8, V10 and V11 after V12-V14 (out of order only)
                new LandedState("04f398c", 6, List.of(5), List.of()),
                new LandedState("be39efc", 7, List.of(5), List.of()),
                new LandedState("e15d16c", 8, List.of(5), List.of()),
                new LandedState("24157c8", 12, List.of(10, 11), List.of()),
                // the first V11, on the subsidy-applications branch only (before V10 existed)
                new LandedState("aeab0a7", 11, List.of(10), List.of("aeab0a7/V11__subsidy_applications_indexes.sql")),
                new LandedState("80cd4af", 11, List.of(10), List.of()),
                new LandedState("d6a9604", 13, List.of(10, 11), List.of("d6a9604/V13__institutions.sql")),
                new LandedState("6e78cda", 14, List.of(10, 11), List.of("d6a9604/V13__institutions.sql")),
                new LandedState("38d5aa7", 14, List.of(10), List.of("d6a9604/V13__institutions.sql")),
                new LandedState("54c4a61", 14, List.of(), List.of("d6a9604/V13__institutions.sql")),
                new LandedState("6ce69f4", 15, List.of(), List.of("6ce69f4/V15__institution_operating_subsidy.sql")),
                new LandedState("8ae250e", 16, List.of(), List.of("8ae250e/V15__institution_operating_subsidy.sql",
                        "8ae250e/V16__construction_grants.sql")),
                new LandedState("073fda3", 17, List.of(), List.of("8ae250e/V15__institution_operating_subsidy.sql",
                        "8ae250e/V16__construction_grants.sql", "073fda3/V17__meal_points.sql")),
                // the sessions branch: V25 before V18 and V19 had landed
                new LandedState("a08cd3e", 25, List.of(18, 19), List.of()),
                new LandedState("87bd8a0", 26, List.of(), List.of("87bd8a0/V26__entitlement_tally.sql")));
    }

    static ScratchDatabases databases;
    static List<String> freshSchema;
    static List<String> freshHistory;

    @BeforeAll
    static void migrateFromScratch() {
        databases = ScratchDatabases.start();
        String fresh = databases.create("fresh");
        ScratchDatabases.flyway(fresh, ScratchDatabases.APPLICATION_LOCATION).migrate();
        freshSchema = ScratchDatabases.schema(fresh);
        freshHistory = history(fresh);
    }

    @AfterAll
    static void stop() {
        databases.close();
    }

    @ParameterizedTest(name = "a database migrated at {0}")
    @MethodSource("states")
    void startsAfterTheOperatorsRepair(LandedState state, @TempDir Path files) {
        String url = databases.create("landed_" + state.commit().replaceAll("[^a-z0-9]", "_"));
        migrateAsThen(url, state, files);

        // as it is today: the application's Flyway refuses to start on it
        ValidateResult before = ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).validateWithResult();
        assertThat(before.validationSuccessful).isFalse();
        assertThatThrownBy(() -> ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).migrate())
                .isInstanceOf(FlywayValidateException.class);

        // the operator's procedure
        catchUpByHand(url);
        ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).repair();
        if (!state.absent().isEmpty()) {
            org.flywaydb.core.Flyway.configure().dataSource(url, "postgres", "")
                    .locations(ScratchDatabases.APPLICATION_LOCATION).outOfOrder(true).load().migrate();
        }
        ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).migrate();

        assertThat(ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).validateWithResult()
                .validationSuccessful).isTrue();
        List<String> schema = ScratchDatabases.schema(url);
        List<String> missing = new ArrayList<>(freshSchema);
        missing.removeAll(schema);
        List<String> extra = new ArrayList<>(schema);
        extra.removeAll(freshSchema);
        assertThat(missing).as("missing after the repair of " + state + " (extra: " + extra + ")").isEmpty();
        assertThat(extra).as("left over after the repair of " + state).isEmpty();
        assertThat(history(url)).containsExactlyInAnyOrderElementsOf(freshHistory);
    }

    /** The last edit of V26 (bc70087) only removed a blank line, which Flyway's checksum does not see. */
    @org.junit.jupiter.api.Test
    void aDatabaseMigratedWithTheV26BeforeItsTidyStartsAsItIs(@TempDir Path files) {
        String url = databases.create("landed_ac1e8a2");
        migrateAsThen(url, new LandedState("ac1e8a2", 26, List.of(), List.of("ac1e8a2/V26__entitlement_tally.sql")), files);

        // the app's start: migrate (which validates the applied ones first) runs only the migrations that came since
        ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).migrate();
        assertThat(ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).validateWithResult()
                .validationSuccessful).isTrue();
        assertThat(ScratchDatabases.schema(url)).isEqualTo(freshSchema);
    }

    static void migrateAsThen(String url, LandedState state, Path files) {
        try (Stream<Path> current = Files.list(ScratchDatabases.applicationMigrations())) {
            for (Path file : current.toList()) {
                int version = Integer.parseInt(file.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1"));
                if (version <= state.highest() && !state.absent().contains(version)) {
                    ScratchDatabases.copy(file, files.resolve(file.getFileName()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String landed : state.landed()) {
            String[] parts = landed.split("/");
            ScratchDatabases.copy(ScratchDatabases.landedFile(parts[0], parts[1]), files.resolve(parts[1]));
        }
        ScratchDatabases.flyway(url, "filesystem:" + files.toAbsolutePath()).migrate();
    }

    static List<String> history(String url) {
        return ScratchDatabases.rows(url, "SELECT version, script, checksum FROM flyway_schema_history WHERE success");
    }

    /** What the operator runs by hand: the catch-up statements of each landed version the history shows. */
    static void catchUpByHand(String url) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            for (LandedMigrationCatchUp.Landed landed : LandedMigrationCatchUp.foundIn(connection, "flyway_schema_history")) {
                ScratchDatabases.execute(url, "BEGIN;\n" + landed.sql() + "COMMIT;");
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
