package org.yinling.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/**
 * Rows of {@code supervision_certificate} and where each institution's required certificates stand today. Every read
 * is narrowed by the institution: through a region scope, or to the one institution of an institution manager.
 */
@Repository
class CertificateStore {

    /**
     * One row per institution in operation and certificate kind it needs (a medical licence only with its own clinic
     * or as a medical institution, or when one is on file anyway), with the current certificate and its state today.
     * The warning period is the setting of the longest region prefix, then the latest date, in force today.
     */
    private static final String ROWS = """
            WITH rows AS (
                SELECT i.id AS institution_id, i.name AS institution_name, i.community_code, r.name AS community_name,
                       k.kind, k.pos, c.id AS certificate_id, c.number, c.issuer, c.issued_on, c.expires_on,
                       COALESCE(w.days, 30) AS days,
                       CASE WHEN c.id IS NULL THEN 'MISSING'
                            WHEN c.expires_on IS NULL THEN 'VALID'
                            WHEN c.expires_on < :today THEN 'EXPIRED'
                            WHEN c.expires_on <= :today + COALESCE(w.days, 30) THEN 'EXPIRING'
                            ELSE 'VALID' END AS state
                FROM institution i
                JOIN region r ON r.code = i.community_code
                CROSS JOIN (VALUES ('FIRE_SAFETY', 1), ('FOOD_LICENCE', 2), ('MEDICAL_LICENCE', 3),
                                   ('LIABILITY_INSURANCE', 4)) AS k (kind, pos)
                LEFT JOIN supervision_certificate c
                       ON c.institution_id = i.id AND c.kind = k.kind AND c.replaced_at IS NULL
                LEFT JOIN LATERAL (SELECT w.days FROM supervision_certificate_warning w
                                   WHERE i.community_code LIKE w.region_prefix || '%%' AND w.effective_from <= :today
                                   ORDER BY length(w.region_prefix) DESC, w.effective_from DESC LIMIT 1) w ON TRUE
                WHERE i.status <> 'CLOSED'
                  AND (k.kind <> 'MEDICAL_LICENCE' OR i.medical_arrangement IN ('OWN_CLINIC', 'MEDICAL_INSTITUTION')
                       OR c.id IS NOT NULL)
                  AND %s
            )
            """;

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    CertificateStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** A required certificate of an institution and where it stands. */
    record Row(long institutionId, String institutionName, String communityName, CertificateKind kind,
               Long certificateId, String number, String issuer, LocalDate issuedOn, LocalDate expiresOn, int days,
               CertificateState state) {
    }

    /** A recorded certificate, current or replaced. */
    record Certificate(long id, CertificateKind kind, String number, String issuer, LocalDate issuedOn,
                       LocalDate expiresOn, String note, OffsetDateTime recordedAt, String recordedBy,
                       OffsetDateTime replacedAt, String replacedBy) {

        public boolean current() {
            return replacedAt == null;
        }
    }

    /** The institution a certificate or rating is for: its name, community and medical arrangement. */
    record InstitutionRef(long id, String name, String communityCode, String medicalArrangement) {

        boolean needsMedicalLicence() {
            return "OWN_CLINIC".equals(medicalArrangement) || "MEDICAL_INSTITUTION".equals(medicalArrangement);
        }
    }

    /** The list's filter: the states shown, a street (or all) and a kind (or all). */
    record Filter(List<CertificateState> states, RegionScope area, CertificateKind kind) {
    }

    Optional<InstitutionRef> institution(long id, RegionScope scope) {
        return jdbc.sql("""
                        SELECT id, name, community_code, medical_arrangement FROM institution
                        WHERE id = :id AND community_code LIKE :scope
                        """).param("id", id).param("scope", scope.likePattern())
                .query((rs, n) -> new InstitutionRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<InstitutionRef> institution(long id) {
        return jdbc.sql("SELECT id, name, community_code, medical_arrangement FROM institution WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new InstitutionRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The required certificates of one institution (already checked against the user) and where they stand. */
    List<Row> rowsOf(long institutionId, LocalDate today) {
        return jdbc.sql(ROWS.formatted("i.id = :institution") + " SELECT * FROM rows ORDER BY pos")
                .param("today", today).param("institution", institutionId).query(this::row).list();
    }

    List<Row> list(Filter filter, LocalDate today, int limit, long offset) {
        return jdbc.sql(ROWS.formatted("i.community_code LIKE :scope") + """
                         SELECT * FROM rows WHERE state IN (:states) AND (:kind = '' OR kind = :kind)
                         ORDER BY CASE state WHEN 'EXPIRED' THEN 0 WHEN 'MISSING' THEN 1 WHEN 'EXPIRING' THEN 2 ELSE 3 END,
                                  expires_on NULLS FIRST, institution_name, institution_id, pos
                         LIMIT :limit OFFSET :offset
                        """)
                .params(params(filter, today)).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long count(Filter filter, LocalDate today) {
        return jdbc.sql(ROWS.formatted("i.community_code LIKE :scope") + """
                         SELECT count(*) FROM rows WHERE state IN (:states) AND (:kind = '' OR kind = :kind)
                        """)
                .params(params(filter, today)).query(Long.class).single();
    }

    /** How many required certificates of the region stand in each state today (keyed by the state's name). */
    Map<String, Long> tally(RegionScope scope, LocalDate today) {
        Map<String, Long> tally = new java.util.LinkedHashMap<>();
        for (CertificateState state : CertificateState.values()) {
            tally.put(state.name(), 0L);
        }
        jdbc.sql(ROWS.formatted("i.community_code LIKE :scope") + " SELECT state, count(*) AS n FROM rows GROUP BY state")
                .param("today", today).param("scope", scope.likePattern())
                .query((rs, n) -> tally.put(CertificateState.valueOf(rs.getString("state")).name(), rs.getLong("n"))).list();
        return tally;
    }

    /** Every certificate recorded for the institution, current ones first, then the newest. */
    List<Certificate> history(long institutionId) {
        return jdbc.sql("""
                        SELECT c.*, COALESCE(u.display_name, c.recorded_by) AS recorded_by_name,
                               COALESCE(v.display_name, c.replaced_by) AS replaced_by_name
                        FROM supervision_certificate c
                        LEFT JOIN app_user u ON u.username = c.recorded_by
                        LEFT JOIN app_user v ON v.username = c.replaced_by
                        WHERE c.institution_id = :institution
                        ORDER BY c.kind, c.replaced_at IS NOT NULL, c.recorded_at DESC, c.id DESC
                        """).param("institution", institutionId)
                .query((rs, n) -> new Certificate(rs.getLong("id"), CertificateKind.valueOf(rs.getString("kind")),
                        rs.getString("number"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class), rs.getString("note"),
                        local(rs, "recorded_at"), rs.getString("recorded_by_name"), local(rs, "replaced_at"),
                        rs.getString("replaced_by_name")))
                .list();
    }

    /** The current (not replaced) certificate of the institution with this id, if any. */
    Optional<Certificate> currentOf(long institutionId, long certificateId) {
        return history(institutionId).stream().filter(c -> c.id() == certificateId && c.current()).findFirst();
    }

    /** Marks the current certificate of the kind replaced (locking it); its id, or empty when there was none. */
    Optional<Long> replaceCurrent(long institutionId, CertificateKind kind, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_certificate SET replaced_at = :at, replaced_by = :actor
                        WHERE institution_id = :institution AND kind = :kind AND replaced_at IS NULL RETURNING id
                        """).param("at", at).param("actor", actor).param("institution", institutionId)
                .param("kind", kind.name()).query(Long.class).optional();
    }

    long insert(long institutionId, CertificateForm f, String number, String issuer, String note, String actor,
                OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO supervision_certificate (institution_id, kind, number, issuer, issued_on, expires_on,
                            note, recorded_at, recorded_by)
                        VALUES (:institution, :kind, :number, :issuer, :issued, :expires, :note, :at, :actor) RETURNING id
                        """).param("institution", institutionId).param("kind", f.getKind().name())
                .param("number", number).param("issuer", issuer).param("issued", f.getIssuedOn())
                .param("expires", f.getExpiresOn())
                .param("note", note).param("at", at).param("actor", actor).query(Long.class).single();
    }

    private static Map<String, Object> params(Filter filter, LocalDate today) {
        return Map.of("today", today, "scope", filter.area().likePattern(),
                "states", filter.states().stream().map(Enum::name).toList(),
                "kind", filter.kind() == null ? "" : filter.kind().name());
    }

    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Long certificate = rs.getObject("certificate_id", Long.class);
        return new Row(rs.getLong("institution_id"), rs.getString("institution_name"), rs.getString("community_name"),
                CertificateKind.valueOf(rs.getString("kind")), certificate,
                rs.getString("number"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getInt("days"),
                CertificateState.valueOf(rs.getString("state")));
    }
}
