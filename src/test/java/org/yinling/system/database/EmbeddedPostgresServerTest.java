package org.yinling.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server keeps its data across a stop and start, and is shared while anyone still uses it. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, 0, "survivor", false);
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(properties);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (text varchar(20))");
            s.execute("INSERT INTO note VALUES ('还在')");
        }
        String firstUrl = first.jdbcUrl();
        first.release();
        assertThatThrownBy(() -> DriverManager.getConnection(firstUrl).close()).isInstanceOf(java.sql.SQLException.class);

        EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(properties);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("还在");
        }
        finally {
            second.release();
        }
    }

    @Test
    void twoUsersShareOneServerUntilTheLastLetsGo() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, 0, "shared", false);
        EmbeddedPostgresServer a = EmbeddedPostgresServer.acquire(properties);
        EmbeddedPostgresServer b = EmbeddedPostgresServer.acquire(properties);
        assertThat(b).isSameAs(a);
        a.release();
        try (Connection c = DriverManager.getConnection(b.jdbcUrl())) {
            assertThat(c.isValid(2)).isTrue();
        }
        b.release();
    }

    @Test
    void refusesToStartOnAPortSomethingElseListensOn() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            EmbeddedDatabaseProperties properties =
                    new EmbeddedDatabaseProperties(dataDir, taken.getLocalPort(), "taken", false);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }
}
