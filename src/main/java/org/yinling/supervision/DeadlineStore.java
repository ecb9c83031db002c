package org.yinling.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the deadline data ({@code supervision_deadline}) that apply to a region, and a new version. */
@Repository
class DeadlineStore {

    private final JdbcClient jdbc;

    DeadlineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Version(String regionPrefix, Severity severity, int amount, DeadlineRule.Unit unit,
                          LocalDate effectiveFrom, String createdBy) {
    }

    /** Every row for the region's prefix and the prefixes above it, newest first. */
    List<Version> versionsAbove(String regionPrefix) {
        return jdbc.sql("""
                        SELECT d.region_prefix, d.severity, d.amount, d.unit, d.effective_from,
                               COALESCE(u.display_name, d.created_by) AS created_by
                        FROM supervision_deadline d LEFT JOIN app_user u ON u.username = d.created_by
                        WHERE ? LIKE d.region_prefix || '%'
                        ORDER BY d.effective_from DESC, length(d.region_prefix) DESC,
                                 array_position(ARRAY['RED', 'ORANGE', 'YELLOW', 'BLUE'], CAST(d.severity AS text))
                        """).param(regionPrefix)
                .query((rs, n) -> new Version(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getInt(3),
                        DeadlineRule.Unit.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    boolean exists(String regionPrefix, LocalDate from) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_deadline WHERE region_prefix = ? AND effective_from = ?)")
                .params(regionPrefix, from).query(Boolean.class).single();
    }

    /** The four rules of a version, one statement; false when a version of that prefix and date exists. */
    boolean insert(String regionPrefix, List<DeadlineRule> rules, LocalDate from, String actor) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO supervision_deadline (region_prefix, severity, amount, unit, effective_from, created_by) VALUES
                """);
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            DeadlineRule rule = rules.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(regionPrefix, rule.severity().name(), rule.amount(), rule.unit().name(), from, actor));
        }
        sql.append(" ON CONFLICT DO NOTHING");
        return jdbc.sql(sql.toString()).params(params).update() == rules.size();
    }
}
