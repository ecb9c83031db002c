package org.yinling.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code supervision_incident}, read through the region scope of the institution; never deleted. */
@Repository
class IncidentStore {

    private static final String SELECT = """
            SELECT n.*, i.name AS institution_name, COALESCE(ur.display_name, n.reported_by) AS reported_by_name,
                   COALESCE(uv.display_name, n.reviewed_by) AS reviewed_by_name
            FROM supervision_incident n JOIN institution i ON i.id = n.institution_id
            LEFT JOIN app_user ur ON ur.username = n.reported_by
            LEFT JOIN app_user uv ON uv.username = n.reviewed_by
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    IncidentStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    record Incident(long id, long institutionId, String institutionName, IncidentKind kind, OffsetDateTime occurredAt,
                    String residents, OffsetDateTime familyNotifiedAt, String hospital, String outcome,
                    OffsetDateTime reportedAt, String reportedBy, String reviewNote, OffsetDateTime reviewedAt,
                    String reviewedBy) {

        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    List<Incident> list(SupervisionScope scope, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE " + scope.condition("i") + " ORDER BY n.reviewed_at IS NOT NULL, n.occurred_at DESC, n.id DESC LIMIT ? OFFSET ?")
                .params(scope.value(), limit, offset).query(this::map).list();
    }

    long count(SupervisionScope scope) {
        return jdbc.sql("SELECT count(*) FROM supervision_incident n JOIN institution i ON i.id = n.institution_id WHERE " + scope.condition("i"))
                .param(scope.value()).query(Long.class).single();
    }

    Optional<Incident> find(long id, SupervisionScope scope) {
        return jdbc.sql(SELECT + " WHERE n.id = ? AND " + scope.condition("i")).params(id, scope.value())
                .query(this::map).optional();
    }

    long insert(IncidentForm f, OffsetDateTime occurredAt, OffsetDateTime familyNotifiedAt, String actor) {
        return jdbc.sql("""
                        INSERT INTO supervision_incident (institution_id, kind, occurred_at, residents, family_notified_at,
                            hospital, outcome, reported_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(f.getInstitutionId(), f.getKind().name(), occurredAt, f.getResidents().strip(), familyNotifiedAt,
                        Inspections.text(f.getHospital()), f.getOutcome().strip(), actor)
                .query(Long.class).single();
    }

    boolean review(long id, String note, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_incident SET review_note = ?, reviewed_by = ?, reviewed_at = ?
                        WHERE id = ? AND reviewed_at IS NULL
                        """).params(note, actor, at, id).update() == 1;
    }

    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private Incident map(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                IncidentKind.valueOf(rs.getString("kind")), local(rs, "occurred_at"), rs.getString("residents"),
                local(rs, "family_notified_at"), rs.getString("hospital"), rs.getString("outcome"),
                local(rs, "reported_at"), rs.getString("reported_by_name"), rs.getString("review_note"),
                local(rs, "reviewed_at"), rs.getString("reviewed_by_name"));
    }
}
