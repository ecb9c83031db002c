package org.yinling.institution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/**
 * Rows of {@code institution} with their bed counts; every read takes the user's region scope. The star grade is read
 * from the institution's latest decided rating ({@code supervision_rating}, issue 23; one index probe per institution
 * on {@code supervision_rating_institution}), never from the copy {@code institution.star_level}, so that a grade
 * whose validity has ended (by the application's clock) shows as expired and is not found by the star filter.
 */
@Repository
class InstitutionStore {

    private static final String SELECT = """
            SELECT i.*, COALESCE(b.beds, 0) AS beds, COALESCE(b.nursing, 0) AS nursing_beds,
                   COALESCE(s.occupied, 0) AS occupied, COALESCE(s.others, 0) AS others,
                   g.rating_grade, g.rating_rated_on, g.rating_valid_until
            FROM institution i
            LEFT JOIN (SELECT institution_id, count(*) AS beds, count(*) FILTER (WHERE nursing) AS nursing
                       FROM bed GROUP BY institution_id) b ON b.institution_id = i.id
            LEFT JOIN (SELECT institution_id, count(*) AS occupied, count(*) FILTER (WHERE NOT extreme_poverty) AS others
                       FROM stay WHERE ended_on IS NULL GROUP BY institution_id) s ON s.institution_id = i.id
            """ + LatestRating.JOIN;

    private final JdbcClient jdbc;
    private final Clock clock;

    InstitutionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Filters of the list; null means any. {@code starLevel}: the grade held today (valid, not expired). */
    record Filter(String text, InstitutionKind kind, Ownership ownership, String street, Integer starLevel,
                  Boolean nonCompliant) {
    }

    List<Institution> search(Filter filter, RegionScope scope, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        String where = where(filter, scope, params, today);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM (" + SELECT + ") x " + where + " ORDER BY x.community_code, x.name, x.id LIMIT ? OFFSET ?")
                .params(params).query(mapper(today)).list();
    }

    long count(Filter filter, RegionScope scope) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, scope, params, LocalDate.now(clock));
        return jdbc.sql("SELECT count(*) FROM (" + SELECT + ") x " + where).params(params).query(Long.class).single();
    }

    /** The medical rule as SQL over the counted beds, the same thresholds as {@link MedicalArrangement#requiredFor}. */
    private static String where(Filter filter, RegionScope scope, List<Object> params, LocalDate today) {
        Optional<RegionScope> narrowed = scope.narrowedTo(filter.street(), null);
        if (narrowed.isEmpty()) {
            return "WHERE FALSE"; // a street outside the user's scope: no rows
        }
        StringBuilder where = new StringBuilder("WHERE ").append(narrowed.get().condition("x.community_code"));
        params.add(narrowed.get().sqlValue());
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (x.name LIKE ? OR x.licence_number = ? OR x.filing_receipt = ?)");
            params.add("%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.add(filter.text().strip());
            params.add(filter.text().strip());
        }
        if (filter.kind() != null) {
            where.append(" AND x.kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.ownership() != null) {
            where.append(" AND x.ownership = ?");
            params.add(filter.ownership().name());
        }
        if (filter.starLevel() != null) {
            where.append(" AND x.rating_grade = ? AND x.rating_valid_until >= ?");
            params.add(filter.starLevel());
            params.add(today);
        }
        if (Boolean.TRUE.equals(filter.nonCompliant())) {
            where.append(" AND ").append("""
                    CASE x.medical_arrangement WHEN 'NONE' THEN 0 WHEN 'AGREEMENT' THEN 1 WHEN 'OWN_CLINIC' THEN 2 ELSE 3 END
                       < CASE WHEN x.beds > 500 THEN 3 WHEN x.beds > 100 THEN 2 ELSE 1 END""");
        }
        return where.toString();
    }

    Optional<Institution> find(long id, RegionScope scope) {
        return jdbc.sql("SELECT * FROM (" + SELECT + ") x WHERE x.id = ? AND x.community_code LIKE ?")
                .params(id, scope.likePattern()).query(mapper(LocalDate.now(clock))).optional();
    }

    /**
     * The institution an institution manager manages, when it is the one asked for (issue 23): the manager has no
     * region, only their institution; any other id is not found.
     */
    Optional<Institution> findManaged(long id, long managedInstitutionId) {
        return jdbc.sql("SELECT * FROM (" + SELECT + ") x WHERE x.id = ? AND x.id = ?")
                .params(id, managedInstitutionId).query(mapper(LocalDate.now(clock))).optional();
    }

    /** Locks the institution row for an admission, so that two admissions never both take the last place. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM institution WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    long insert(InstitutionForm f, String actor) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, operator, filing_date, filing_receipt,
                            community_code, address, contact_name, contact_phone, opened_on,
                            status, medical_arrangement, medical_document, payee_bank, payee_account, notes, created_by,
                            updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(values(f, actor, actor)).query(Long.class).single();
    }

    /** False when someone else changed the institution since the form was opened. */
    boolean update(long id, InstitutionForm f, String actor) {
        List<Object> params = values(f, actor);
        params.add(id);
        params.add(f.version() == null ? -1 : f.version());
        return jdbc.sql("""
                        UPDATE institution SET name = ?, kind = ?, ownership = ?, operator = ?, filing_date = ?,
                            filing_receipt = ?, community_code = ?, address = ?, contact_name = ?, contact_phone = ?,
                            opened_on = ?, status = ?, medical_arrangement = ?,
                            medical_document = ?, payee_bank = ?, payee_account = ?, notes = ?, updated_by = ?,
                            updated_at = now(), version = version + 1
                        WHERE id = ? AND version = ?
                        """)
                .params(params).update() == 1;
    }

    private static List<Object> values(InstitutionForm f, String... actors) {
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(f.name().strip(), f.kind().name(),
                f.ownership().name(), blankToNull(f.operator()), f.filingDate(), blankToNull(f.filingReceipt()),
                f.communityCode(), blankToNull(f.address()), blankToNull(f.contactName()), blankToNull(f.contactPhone()),
                f.openedOn(), f.status().name(), f.medicalArrangement().name(),
                blankToNull(f.medicalDocument()), blankToNull(f.payeeBank()), blankToNull(f.payeeAccount()),
                blankToNull(f.notes())));
        values.addAll(List.of(actors));
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static org.springframework.jdbc.core.RowMapper<Institution> mapper(LocalDate today) {
        return (rs, row) -> map(rs, today);
    }

    private static Institution map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate validUntil = rs.getObject("rating_valid_until", LocalDate.class);
        return new Institution(rs.getLong("id"), rs.getString("name"), InstitutionKind.valueOf(rs.getString("kind")),
                Ownership.valueOf(rs.getString("ownership")), rs.getString("operator"), rs.getString("licence_number"),
                rs.getObject("licence_date", LocalDate.class), rs.getString("community_code"), rs.getString("address"),
                rs.getString("contact_name"), rs.getString("contact_phone"), (Integer) boxed(rs.getObject("rating_grade")),
                rs.getObject("rating_rated_on", LocalDate.class), validUntil,
                validUntil != null && validUntil.isBefore(today), rs.getObject("opened_on", LocalDate.class),
                InstitutionStatus.valueOf(rs.getString("status")),
                MedicalArrangement.valueOf(rs.getString("medical_arrangement")), rs.getString("medical_document"),
                rs.getString("payee_bank"), rs.getString("payee_account"), rs.getString("notes"), rs.getLong("version"), rs.getInt("beds"), rs.getInt("nursing_beds"),
                rs.getInt("occupied"), rs.getInt("others"), rs.getObject("filing_date", LocalDate.class),
                rs.getString("filing_receipt"));
    }

    private static Object boxed(Object value) {
        return value instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }
}
