package org.yinling.system.database;

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
