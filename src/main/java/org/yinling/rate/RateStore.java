package org.yinling.rate;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/** Rows of {@code rate_version} and {@code rate_amount}: the city default and the versions of regions in scope. */
@Repository
class RateStore {

    /** The most versions a page lists. */
    static final int LIMIT = 300;

    private final JdbcClient jdbc;

    RateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The versions of a table for the city and the regions of the scope: by region (city first, then by code), newest
     * first; {@code current} marks each region's version in force on {@code today}.
     */
    List<RateVersion> versions(String table, RegionScope scope, LocalDate today) {
        return jdbc.sql("""
                        SELECT v.id, v.region_code, r.name, v.effective_from, v.choices,
                               -- who set it by name; a migration's default (created by V42) by none
                               CASE WHEN v.created_by ~ '^V[0-9]+$' THEN NULL
                                    ELSE COALESCE((SELECT u.display_name FROM app_user u WHERE u.username = v.created_by),
                                                  v.created_by) END,
                               v.created_at,
                               v.effective_from = max(v.effective_from) FILTER (WHERE v.effective_from <= :today)
                                   OVER (PARTITION BY v.region_code) AS current,
                               (SELECT string_agg(a.rate_key || '=' || COALESCE(a.amount::text, ''), ';')
                                FROM rate_amount a WHERE a.version_id = v.id) AS amounts
                        FROM rate_version v LEFT JOIN region r ON r.code = v.region_code
                        WHERE v.rate_table = :table AND (v.region_code IS NULL OR v.region_code LIKE :scope)
                        ORDER BY v.region_code NULLS FIRST, v.effective_from DESC
                        LIMIT :limit
                        """)
                .param("table", table).param("scope", scope.likePattern()).param("today", today)
                .param("limit", LIMIT)
                .query((rs, row) -> new RateVersion(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), amounts(rs.getString(9)), choices(rs.getArray(5)),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)))
                .list();
    }

    /** The version of a table in force for a community on a day ({@code rate_version_on}). */
    Optional<RateVersion> inForce(String table, String communityCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT v.id, v.region_code, v.effective_from, v.choices, v.created_by, v.created_at,
                               (SELECT string_agg(a.rate_key || '=' || COALESCE(a.amount::text, ''), ';')
                                FROM rate_amount a WHERE a.version_id = v.id)
                        FROM rate_version v WHERE v.id = rate_version_on(:table, :community, :day)
                        """)
                .param("table", table).param("community", communityCode).param("day", day)
                .query((rs, row) -> new RateVersion(rs.getLong(1), rs.getString(2), null,
                        rs.getObject(3, LocalDate.class), amounts(rs.getString(7)), choices(rs.getArray(4)),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), true))
                .optional();
    }

    /** The new version's id; empty when the table has a version of the region from that date already. */
    Optional<Long> insert(String table, String regionCode, LocalDate from, Map<String, BigDecimal> amounts,
                          List<String> choices, String actor) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO rate_version (rate_table, region_code, effective_from, choices, created_by)
                        VALUES (:table, :region, :from, CAST(:choices AS varchar[]), :actor)
                        ON CONFLICT DO NOTHING RETURNING id
                        """)
                .param("table", table).param("region", regionCode).param("from", from)
                .param("choices", choices.toArray(String[]::new)).param("actor", actor)
                .query(Long.class).optional();
        id.ifPresent(version -> jdbc.sql("""
                        INSERT INTO rate_amount (version_id, rate_key, amount)
                        SELECT :version, k, a FROM unnest(CAST(:keys AS text[]), CAST(:amounts AS numeric[])) AS t(k, a)
                        """)
                .param("version", version)
                .param("keys", amounts.keySet().toArray(String[]::new))
                .param("amounts", amounts.values().toArray(BigDecimal[]::new))
                .update());
        return id;
    }

    private static Map<String, BigDecimal> amounts(String text) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                amounts.put(pair.substring(0, eq), value.isEmpty() ? null : new BigDecimal(value));
            }
        }
        return amounts;
    }

    private static List<String> choices(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
