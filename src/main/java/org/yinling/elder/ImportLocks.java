package org.yinling.elder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * PostgreSQL advisory locks on imports being read, across all nodes. The lock lives on a connection of its own, for
 * as long as the reading runs; if the node dies, PostgreSQL drops the connection and the lock with it.
 */
@Component
class ImportLocks {

    /** Advisory locks of elder imports being read: (this class, import id). */
    private static final int LOCK_CLASS = 0x5941_0007;

    private final DataSource dataSource;

    ImportLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the import's lock, or an empty handle if it is held elsewhere or the database cannot be reached. */
    Held hold(long importId) {
        return tryHold(importId).orElseGet(() -> new Held(null, importId));
    }

    /** The import's lock if nobody holds it. */
    Optional<Held> tryHold(long importId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setInt(2, (int) importId);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection, importId));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        }
        catch (SQLException e) {
            closeQuietly(connection);
            return Optional.empty();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // the pool discards a broken connection
            }
        }
    }

    /** A held lock (or none); closing it releases the lock and returns the connection. */
    static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long importId;

        private Held(Connection connection, long importId) {
            this.connection = connection;
            this.importId = importId;
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setInt(2, (int) importId);
                statement.executeQuery().close();
            }
            catch (SQLException ignored) {
                // the connection is gone, and the lock with it
            }
            finally {
                closeQuietly(connection);
            }
        }
    }
}
