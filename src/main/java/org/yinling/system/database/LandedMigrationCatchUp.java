package org.yinling.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * V11, V13, V15, V16, V17 and V26 were edited after they had landed. A database migrated with one of the landed
 * versions has that version's checksum in {@code flyway_schema_history}, so Flyway refuses to start on it, and every
 * edit but one also changed the schema: {@code flyway repair} alone would accept the database with the old schema.
 * For each such landed version (its version and checksum), the statements that turn what it created into what
 * today's file creates. Applied in version order, then {@code flyway repair}, they bring such a database to exactly
 * the schema of one migrated from scratch (LandedMigrationRepairTest compares them, for every landed state).
 * docs/operations.md, "A database migrated before the edited migrations", says how an operator runs them.
 */
final class LandedMigrationCatchUp {

    private static final Logger log = LoggerFactory.getLogger(LandedMigrationCatchUp.class);

    /**
     * A landed version of a migration that was edited later.
     *
     * @param version         the migration's version
     * @param landedChecksum  Flyway's checksum of the landed file, as recorded in a database migrated with it
     * @param currentChecksum Flyway's checksum of today's file (src/test/resources/migration-checksums.txt)
     * @param landedIn        the commit that landed that version
     * @param sql             what turns the landed version's schema into today's; runs in one transaction
     */
    record Landed(String version, int landedChecksum, int currentChecksum, String landedIn, String sql) {
    }

    /** In version order: a later block may rely on an earlier one (V16's and V17's on V15's). */
    static final List<Landed> LANDED = List.of(
            // the first V11 never reached main: only a database migrated from the subsidy-applications branch has it
            new Landed("11", 1833904758, 1146903075, "aeab0a7", """
                    CREATE INDEX IF NOT EXISTS subsidy_application_created_idx
                        ON subsidy_application (created_at DESC, id DESC);
                    """),
            new Landed("13", -1183849387, -1762682947, "d6a9604", """
                    ALTER TABLE institution ADD COLUMN IF NOT EXISTS payee_bank VARCHAR(60),
                                            ADD COLUMN IF NOT EXISTS payee_account VARCHAR(40);
                    """),
            new Landed("15", -693557590, -1942135597, "6ce69f4", """
                    ALTER TABLE payment_institution_line RENAME TO payment_payee_line;
                    ALTER SEQUENCE payment_institution_line_id_seq RENAME TO payment_payee_line_id_seq;
                    ALTER TABLE payment_payee_line RENAME COLUMN institution_name TO payee_name;
                    ALTER TABLE payment_payee_line ALTER COLUMN institution_id DROP NOT NULL,
                                                   ALTER COLUMN residents DROP NOT NULL;
                    ALTER TABLE payment_payee_line ADD COLUMN grant_id BIGINT;
                    ALTER TABLE payment_payee_line DROP CONSTRAINT payment_institution_line_kind_check,
                        ADD CONSTRAINT payment_payee_line_kind_check CHECK (kind IN ('OPERATING', 'CONSTRUCTION', 'MEAL'));
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_pkey TO payment_payee_line_pkey;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_reference_key TO payment_payee_line_reference_key;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_amount_check TO payment_payee_line_amount_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_month_check TO payment_payee_line_month_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_residents_check TO payment_payee_line_residents_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_status_check TO payment_payee_line_status_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_batch_id_fkey TO payment_payee_line_batch_id_fkey;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_institution_id_fkey TO payment_payee_line_institution_id_fkey;
                    DROP INDEX payment_institution_line_once_uq;
                    CREATE UNIQUE INDEX payment_payee_line_institution_once_uq ON payment_payee_line (institution_id, kind, month)
                        WHERE institution_id IS NOT NULL AND status <> 'FAILED';
                    CREATE UNIQUE INDEX payment_payee_line_grant_uq ON payment_payee_line (grant_id)
                        WHERE grant_id IS NOT NULL AND status <> 'FAILED';
                    ALTER INDEX payment_institution_line_batch_idx RENAME TO payment_payee_line_batch_idx;
                    """),
            new Landed("15", -117152164, -1942135597, "8ae250e", """
                    ALTER TABLE payment_institution_line RENAME TO payment_payee_line;
                    ALTER SEQUENCE payment_institution_line_id_seq RENAME TO payment_payee_line_id_seq;
                    ALTER TABLE payment_payee_line RENAME COLUMN institution_name TO payee_name;
                    ALTER TABLE payment_payee_line ALTER COLUMN institution_id DROP NOT NULL;
                    ALTER TABLE payment_payee_line DROP CONSTRAINT payment_institution_line_kind_check,
                        ADD CONSTRAINT payment_payee_line_kind_check CHECK (kind IN ('OPERATING', 'CONSTRUCTION', 'MEAL'));
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_pkey TO payment_payee_line_pkey;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_reference_key TO payment_payee_line_reference_key;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_amount_check TO payment_payee_line_amount_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_month_check TO payment_payee_line_month_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_residents_check TO payment_payee_line_residents_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_status_check TO payment_payee_line_status_check;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_batch_id_fkey TO payment_payee_line_batch_id_fkey;
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_institution_id_fkey TO payment_payee_line_institution_id_fkey;
                    DROP INDEX payment_institution_line_once_uq;
                    CREATE UNIQUE INDEX payment_payee_line_institution_once_uq ON payment_payee_line (institution_id, kind, month)
                        WHERE institution_id IS NOT NULL AND status <> 'FAILED';
                    ALTER INDEX payment_institution_line_grant_uq RENAME TO payment_payee_line_grant_uq;
                    ALTER INDEX payment_institution_line_batch_idx RENAME TO payment_payee_line_batch_idx;
                    """),
            new Landed("16", -1936361148, 1416580853, "8ae250e", """
                    ALTER TABLE payment_payee_line RENAME CONSTRAINT payment_institution_line_grant_fk TO payment_payee_line_grant_fk;
                    """),
            new Landed("17", -233984372, -1603253441, "073fda3", """
                    ALTER TABLE meal_point ADD COLUMN payee_bank VARCHAR(60), ADD COLUMN payee_account VARCHAR(40);
                    CREATE TABLE meal_settlement (
                        id                BIGSERIAL      PRIMARY KEY,
                        meal_point_id     BIGINT         NOT NULL REFERENCES meal_point (id),
                        month             DATE           NOT NULL CHECK (extract(day FROM month) = 1),
                        meals             INTEGER        NOT NULL CHECK (meals >= 0),
                        per_meal_amount   NUMERIC(12, 2) NOT NULL,
                        operating_amount  NUMERIC(12, 2) NOT NULL,
                        total             NUMERIC(12, 2) NOT NULL,
                        confirmed_by      VARCHAR(50)    NOT NULL,
                        confirmed_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
                        UNIQUE (meal_point_id, month)
                    );
                    ALTER TABLE payment_payee_line ADD COLUMN meal_point_id BIGINT REFERENCES meal_point (id);
                    ALTER TABLE payment_payee_line ADD CONSTRAINT payment_payee_line_one_payee
                        CHECK (num_nonnulls(institution_id, meal_point_id) = 1);
                    CREATE UNIQUE INDEX payment_payee_line_meal_point_once_uq ON payment_payee_line (meal_point_id, kind, month)
                        WHERE meal_point_id IS NOT NULL AND status <> 'FAILED';
                    """),
            new Landed("26", -88312285, 1319874752, "87bd8a0", """
                    CREATE INDEX IF NOT EXISTS elder_extreme_poverty_idx ON elder (id)
                        INCLUDE (community_code, life_status, life_status_date)
                        WHERE economic_status = 'EXTREME_POVERTY';
                    """));

    private LandedMigrationCatchUp() {
    }

    /** The landed versions this database was migrated with, in version order; none for a database of today's files. */
    static List<Landed> foundIn(Connection connection, String historyTable) throws SQLException {
        List<Landed> found = new ArrayList<>();
        try (Statement exists = connection.createStatement();
             ResultSet rs = exists.executeQuery("SELECT to_regclass('" + historyTable.replace("'", "") + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return found;
            }
        }
        try (PreparedStatement applied = connection.prepareStatement(
                "SELECT 1 FROM " + historyTable + " WHERE success AND version = ? AND checksum = ?")) {
            for (Landed landed : LANDED) {
                applied.setString(1, landed.version());
                applied.setInt(2, landed.landedChecksum());
                try (ResultSet rs = applied.executeQuery()) {
                    if (rs.next()) {
                        found.add(landed);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Brings the schema of a database migrated with landed versions to today's, and records today's checksum for
     * each, in one transaction: either all of it happens or nothing does. Returns what it caught up.
     */
    static List<Landed> catchUp(Configuration flyway) {
        DataSource dataSource = flyway.getDataSource();
        String historyTable = (flyway.getDefaultSchema() != null ? flyway.getDefaultSchema() + "." : "") + flyway.getTable();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Landed> found = foundIn(connection, historyTable);
                for (Landed landed : found) {
                    log.warn("V{} was migrated with the version landed in {} (checksum {}): bringing its schema to "
                            + "today's V{}", landed.version(), landed.landedIn(), landed.landedChecksum(), landed.version());
                    try (Statement statement = connection.createStatement();
                         PreparedStatement history = connection.prepareStatement("UPDATE " + historyTable
                                 + " SET checksum = ? WHERE success AND version = ? AND checksum = ?")) {
                        statement.execute(landed.sql());
                        history.setInt(1, landed.currentChecksum());
                        history.setString(2, landed.version());
                        history.setInt(3, landed.landedChecksum());
                        history.executeUpdate();
                    }
                }
                connection.commit();
                return found;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not bring the edited migrations' schema up to date: " + e.getMessage(), e);
        }
    }
}
