package org.yinling.system.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Landed migrations are never edited. src/test/resources/migration-checksums.txt holds the Flyway checksum of every
 * migration that has landed; this test fails when one of them changes or disappears (a database migrated with the
 * old file would refuse to start: Flyway validates checksums at start-up), and when a migration is not listed yet,
 * printing the exact line to append. The checksums are Flyway's own: those of the migrations it resolves from the
 * application's location, read as pending migrations of an empty database.
 */
class MigrationManifestTest {

    static final String MANIFEST = "src/test/resources/migration-checksums.txt";

    static ScratchDatabases databases;
    static List<Entry> resolved;

    @BeforeAll
    static void resolve() {
        databases = ScratchDatabases.start();
        resolved = resolvedMigrations(databases.create("manifest"), ScratchDatabases.APPLICATION_LOCATION);
    }

    @AfterAll
    static void stop() {
        databases.close();
    }

    @Test
    void everyMigrationIsListedWithTheChecksumItLandedWith() {
        List<String> problems = problems(manifest(), resolved);
        if (!problems.isEmpty()) {
            fail("\n" + String.join("\n\n", problems));
        }
    }

    /** The catch-up of the edited migrations records today's checksums: they are the manifest's. */
    @Test
    void theCatchUpOfTheEditedMigrationsRecordsTheManifestsChecksums() {
        List<Entry> manifest = manifest();
        for (LandedMigrationCatchUp.Landed landed : LandedMigrationCatchUp.LANDED) {
            assertThat(manifest).as("V" + landed.version() + " of today in the manifest")
                    .anySatisfy(entry -> {
                        assertThat(entry.version()).isEqualTo(landed.version());
                        assertThat(entry.checksum()).isEqualTo(landed.currentChecksum());
                    });
            assertThat(landed.landedChecksum()).isNotEqualTo(landed.currentChecksum());
        }
    }

    /** The check above can fail, and says what to do: an edit, a deletion, a new migration, one numbered too low. */
    @Test
    void anEditedMissingOrNewMigrationIsReportedWithWhatToDo() {
        List<Entry> landed = List.of(
                new Entry("25", "V25__spring_session.sql", 100),
                new Entry("26", "V26__entitlement_tally.sql", 200),
                new Entry("27", "V27__gone.sql", 300));
        List<Entry> now = List.of(
                new Entry("20", "V20__late.sql", 50),
                new Entry("25", "V25__spring_session.sql", 100),
                new Entry("26", "V26__entitlement_tally.sql", 201),
                new Entry("28", "V28__new_thing.sql", -400));

        List<String> problems = problems(landed, now);

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0))
                .contains("V26__entitlement_tally.sql changed after it landed")
                .contains("checksum 200", "checksum 201")
                .contains("Never edit a landed migration")
                .contains("V29__");
        assertThat(problems.get(1))
                .contains("V27__gone.sql is in the manifest but no longer among the migrations")
                .contains("never deleted or renamed");
        assertThat(problems.get(2))
                .contains("V20__late.sql")
                .contains("lower than V27")
                .contains("V29__late.sql");
        assertThat(problems.get(3))
                .contains("append this line to " + MANIFEST)
                .contains("28 | V28__new_thing.sql | -400");
    }

    /** One line of the manifest, or one migration as Flyway resolves it. */
    record Entry(String version, String script, Integer checksum) {

        String line() {
            return version + " | " + script + " | " + checksum;
        }
    }

    static List<Entry> resolvedMigrations(String url, String... locations) {
        List<Entry> entries = new ArrayList<>();
        for (MigrationInfo info : ScratchDatabases.flyway(url, locations).info().all()) {
            if (info.getVersion() != null) {
                entries.add(new Entry(info.getVersion().getVersion(), info.getScript(), info.getChecksum()));
            }
        }
        return entries;
    }

    static List<Entry> manifest() {
        try (InputStream in = MigrationManifestTest.class.getResourceAsStream("/migration-checksums.txt")) {
            Objects.requireNonNull(in, MANIFEST + " is missing");
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                if (fields.length != 3) {
                    throw new IllegalStateException(MANIFEST + ": expected 'version | file | checksum', found: " + line);
                }
                entries.add(new Entry(fields[0], fields[1], Integer.valueOf(fields[2])));
            }
            return entries;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong, each with what to do about it; empty when the migrations are exactly the manifest's. */
    static List<String> problems(List<Entry> landed, List<Entry> now) {
        Map<String, Entry> current = new LinkedHashMap<>();
        now.forEach(e -> current.put(e.version(), e));
        MigrationVersion highestLanded = landed.stream().map(e -> MigrationVersion.fromVersion(e.version()))
                .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationVersion highest = now.stream().map(e -> MigrationVersion.fromVersion(e.version()))
                .reduce(highestLanded, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        String next = "V" + (highest.getMajor().intValue() + 1) + "__";

        List<String> problems = new ArrayList<>();
        for (Entry listed : landed) {
            Entry found = current.remove(listed.version());
            if (found == null) {
                problems.add("V" + listed.version() + ": " + listed.script() + " is in the manifest but no longer among the "
                        + "migrations. A landed migration is never deleted or renamed: databases that ran it would refuse "
                        + "to start (Flyway: applied migration not resolved locally). Put it back as it was.");
            }
            else if (!Objects.equals(found.checksum(), listed.checksum()) || !found.script().equals(listed.script())) {
                problems.add("V" + listed.version() + ": " + found.script() + " changed after it landed (the manifest has "
                        + listed.script() + " with checksum " + listed.checksum() + ", the file now has " + found.script()
                        + " with checksum " + found.checksum() + "). Never edit a landed migration: every database "
                        + "migrated with it would refuse to start (Flyway's checksum validation). Undo the edit and "
                        + "make the change in a new migration, " + next + "<what>.sql, then append its line to "
                        + MANIFEST + ".");
            }
        }
        List<String> unlisted = new ArrayList<>();
        for (Entry added : current.values()) {
            if (MigrationVersion.fromVersion(added.version()).compareTo(highestLanded) < 0) {
                problems.add("V" + added.version() + ": " + added.script() + " is new but numbered lower than V"
                        + highestLanded + ", the highest landed migration: databases already at V" + highestLanded
                        + " would ignore it and refuse to start. Rename it " + next
                        + added.script().replaceFirst("^V[^_]*__", "") + " (the next free number).");
            }
            else {
                unlisted.add(added.line());
            }
        }
        if (!unlisted.isEmpty()) {
            problems.add("New migration" + (unlisted.size() > 1 ? "s" : "") + " not in the manifest yet. When "
                    + (unlisted.size() > 1 ? "they are" : "it is") + " final, append this line to " + MANIFEST
                    + " (from then on the file is never edited again):\n" + String.join("\n", unlisted));
        }
        return problems;
    }
}
