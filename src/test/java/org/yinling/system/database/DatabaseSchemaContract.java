package org.yinling.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the schema guarantees on any PostgreSQL 17: run on the embedded server everywhere, and on a Testcontainers
 * postgres:17 where a Docker engine exists.
 */
abstract class DatabaseSchemaContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /**
     * A region-scoped query binds its scope as a LIKE prefix. Had the driver prepared it on the server, PostgreSQL
     * could switch to a generic plan that cannot use the prefix in an index (the dashboard went from 4 ms to 2 s):
     * on the application's own connections a statement executed ten times is still never prepared on the server,
     * so every execution is planned with its values.
     */
    @Test
    void regionScopedStatementsArePlannedWithTheirScopeEveryTime() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM elder WHERE community_code LIKE ?")) {
            for (String scope : List.of("330105%", "330105001%", "330105001001%", "330105002%", "3301%", "330105%",
                    "330105003%", "330105001%", "330105%", "330105004%")) {
                count.setString(1, scope);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet prepared = statement.executeQuery("""
                         SELECT count(*) FROM pg_prepared_statements
                         WHERE statement LIKE 'SELECT count(*) FROM elder WHERE community_code LIKE $1%'""")) {
                prepared.next();
                assertThat(prepared.getLong(1)).as("server-prepared statements of the scoped count").isZero();
            }
        }
    }

    @Test
    void flywayAppliedEveryMigration() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single())
                .isEqualTo(17);
    }

    @Test
    void regionTreeRefusesMalformedCodesAndOrphans() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO region (code, level, name) VALUES ('12345', 'DISTRICT', 'x')").update())
                .hasMessageContaining("region_code_check");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO region (code, parent_code, level, name, urban_rural_class, registered_population)
                VALUES ('999999001001', '999999001000', 'COMMUNITY', 'orphan', '111', 1)""").update())
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO region (code, parent_code, level, name) VALUES ('330105001888', '330105001000', 'COMMUNITY', 'no class')""").update())
                .hasMessageContaining("check constraint");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('DISTRICT', 'x', 'x', 'DISTRICT_STAFF', '330105000000')""").update())
                .hasMessageContaining("app_user_username_uq");
    }

    @Test
    void auditEventsAreInsertOnly() {
        jdbc.sql("INSERT INTO audit_event (actor, action) VALUES ('contract', 'CONTRACT_TEST')").update();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE action = 'CONTRACT_TEST'").update())
                .hasMessageContaining("insert-only");
    }
}
