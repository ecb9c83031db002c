package org.yinling.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionLevel;
import org.yinling.system.LikePatterns;

/**
 * The SQL of API clients. Clients are the administrator's (the whole system), so no region scope narrows the admin
 * queries; the region a client may see is its own {@code region_code}.
 */
@Repository
class ApiClientStore {

    private static final String COLUMNS = """
            c.id, c.name, c.region_code, r.level, c.scopes, c.rate_limit_per_minute, c.created_at, c.created_by,
            c.secret_rotated_at, c.previous_secret_until, c.revoked_at, c.revoked_by, c.demo
            """;

    private final JdbcClient jdbc;

    ApiClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the token check needs on every call: one primary-key lookup. */
    record Credentials(long id, String name, String regionCode, RegionLevel level, List<String> scopes,
                       int rateLimitPerMinute, String secretHash, String previousSecretHash,
                       Instant previousSecretUntil, boolean revoked) {
    }

    Optional<Credentials> credentials(long id) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.region_code, r.level, c.scopes, c.rate_limit_per_minute, c.secret_hash,
                               c.previous_secret_hash, c.previous_secret_until, c.revoked_at IS NOT NULL AS revoked
                        FROM api_client c JOIN region r ON r.code = c.region_code
                        WHERE c.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                        RegionLevel.valueOf(rs.getString("level")), strings(rs.getArray("scopes")),
                        rs.getInt("rate_limit_per_minute"), rs.getString("secret_hash"),
                        rs.getString("previous_secret_hash"), instant(rs.getTimestamp("previous_secret_until")),
                        rs.getBoolean("revoked")))
                .optional();
    }

    Optional<ApiClient> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_client c JOIN region r ON r.code = c.region_code WHERE c.id = :id")
                .param("id", id)
                .query(ApiClientStore::client)
                .optional();
    }

    Optional<ApiClient> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM api_client c JOIN region r ON r.code = c.region_code WHERE lower(c.name) = lower(:name)")
                .param("name", name)
                .query(ApiClientStore::client)
                .optional();
    }

    /** Clients whose name contains {@code text}: the active ones first, then by name. */
    Page<ApiClient> search(String text, Pageable page) {
        String pattern = "%" + LikePatterns.escape(text) + "%";
        List<ApiClient> rows = jdbc.sql("SELECT " + COLUMNS + """
                         FROM api_client c JOIN region r ON r.code = c.region_code
                        WHERE c.name ILIKE :pattern ESCAPE '!'
                        ORDER BY c.revoked_at IS NOT NULL, lower(c.name), c.id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("pattern", pattern)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(ApiClientStore::client)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM api_client c WHERE c.name ILIKE :pattern ESCAPE '!'")
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, page, total);
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_client WHERE lower(name) = lower(:name) AND id <> :id)")
                .param("name", name)
                .param("id", exceptId == null ? -1L : exceptId)
                .query(Boolean.class)
                .single();
    }

    long insert(String name, String regionCode, List<String> scopes, int rateLimit, String secretHash, Instant now,
                String actor, boolean demo) {
        return jdbc.sql("""
                        INSERT INTO api_client (name, region_code, scopes, rate_limit_per_minute, secret_hash, created_at,
                                                created_by, demo)
                        VALUES (:name, :region, CAST(:scopes AS varchar[]), :limit, :hash, :now, :actor, :demo)
                        RETURNING id
                        """)
                .param("name", name)
                .param("region", regionCode)
                .param("scopes", scopes.toArray(String[]::new))
                .param("limit", rateLimit)
                .param("hash", secretHash)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("demo", demo)
                .query(Long.class)
                .single();
    }

    void update(long id, String name, String regionCode, List<String> scopes, int rateLimit) {
        jdbc.sql("""
                        UPDATE api_client SET name = :name, region_code = :region, scopes = CAST(:scopes AS varchar[]),
                               rate_limit_per_minute = :limit
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("region", regionCode)
                .param("scopes", scopes.toArray(String[]::new))
                .param("limit", rateLimit)
                .update();
    }

    /**
     * A new secret; the current one becomes the previous one, working until {@code previousUntil} (or, when that is
     * not after now, not at all: no previous secret is kept).
     */
    void rotate(long id, String newHash, Instant now, Instant previousUntil) {
        boolean overlap = previousUntil.isAfter(now);
        jdbc.sql("""
                        UPDATE api_client
                        SET previous_secret_hash = CASE WHEN :overlap THEN secret_hash END,
                            previous_secret_until = CASE WHEN :overlap THEN CAST(:until AS timestamptz) END,
                            secret_hash = :hash, secret_rotated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("overlap", overlap)
                .param("until", Timestamp.from(previousUntil))
                .param("hash", newHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Revokes the client; false when it already was. */
    boolean revoke(long id, Instant now, String actor) {
        return jdbc.sql("""
                        UPDATE api_client SET revoked_at = :now, revoked_by = :actor,
                               previous_secret_hash = NULL, previous_secret_until = NULL
                        WHERE id = :id AND revoked_at IS NULL
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .update() == 1;
    }

    private static ApiClient client(ResultSet rs, int n) throws SQLException {
        return new ApiClient(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                RegionLevel.valueOf(rs.getString("level")), strings(rs.getArray("scopes")),
                rs.getInt("rate_limit_per_minute"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("secret_rotated_at")), instant(rs.getTimestamp("previous_secret_until")),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"), rs.getBoolean("demo"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
