package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/** Caregivers of the institutions in a region, and the certified share (target ≥ 95 %, seed 002). */
@Repository
class CaregiverStore {

    /** Certified: a certificate recorded and not expired on the given day. */
    static final String CERTIFIED_SQL = "(c.certificate_number IS NOT NULL AND (c.certificate_expires IS NULL OR c.certificate_expires >= ?))";

    private final JdbcClient jdbc;

    CaregiverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Caregiver> list(RegionScope scope, Long institutionId, boolean expiredOnly, LocalDate today) {
        return jdbc.sql("""
                        SELECT c.id, c.institution_id, i.name AS institution_name, c.name, c.certificate_type,
                            c.certificate_number, c.certificate_level, c.certificate_expires, c.active, c.version
                        FROM caregiver c JOIN institution i ON i.id = c.institution_id
                        WHERE i.community_code LIKE ? AND c.active AND (CAST(? AS bigint) IS NULL OR c.institution_id = ?)
                          AND (NOT ? OR c.certificate_expires < ?)
                        ORDER BY i.name, c.name, c.id LIMIT 2000
                        """)
                .params(scope.likePattern(), institutionId, institutionId, expiredOnly, today)
                .query((rs, row) -> new Caregiver(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getBoolean(9), rs.getLong(10)))
                .list();
    }

    Optional<Caregiver> find(long id, RegionScope scope) {
        return jdbc.sql("""
                        SELECT c.id, c.institution_id, i.name, c.name, c.certificate_type, c.certificate_number,
                            c.certificate_level, c.certificate_expires, c.active, c.version
                        FROM caregiver c JOIN institution i ON i.id = c.institution_id
                        WHERE c.id = ? AND i.community_code LIKE ?
                        """)
                .params(id, scope.likePattern())
                .query((rs, row) -> new Caregiver(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getBoolean(9), rs.getLong(10)))
                .optional();
    }

    /** Active caregivers and how many of them are certified, in the region (or one institution). */
    record Share(long caregivers, long certified) {
        public int percent() {
            return caregivers == 0 ? 0 : (int) (certified * 100 / caregivers);
        }

        public boolean meetsTarget() {
            return caregivers > 0 && certified * 100 >= caregivers * 95L;
        }
    }

    Share share(RegionScope scope, Long institutionId, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE %s)
                        FROM caregiver c JOIN institution i ON i.id = c.institution_id
                        WHERE i.community_code LIKE ? AND c.active AND (CAST(? AS bigint) IS NULL OR c.institution_id = ?)
                        """.formatted(CERTIFIED_SQL))
                .params(today, scope.likePattern(), institutionId, institutionId)
                .query((rs, row) -> new Share(rs.getLong(1), rs.getLong(2))).single();
    }

    long insert(CaregiverForm f, String actor) {
        return jdbc.sql("""
                        INSERT INTO caregiver (institution_id, name, certificate_type, certificate_number,
                            certificate_level, certificate_expires, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(f.institutionId(), f.name().strip(), blank(f.certificateType()), blank(f.certificateNumber()),
                        blank(f.certificateLevel()), f.certificateExpires(), actor, actor)
                .query(Long.class).single();
    }

    boolean update(long id, CaregiverForm f, String actor) {
        return jdbc.sql("""
                        UPDATE caregiver SET name = ?, certificate_type = ?, certificate_number = ?, certificate_level = ?,
                            certificate_expires = ?, updated_by = ?, updated_at = now(), version = version + 1
                        WHERE id = ? AND version = ?
                        """)
                .params(f.name().strip(), blank(f.certificateType()), blank(f.certificateNumber()),
                        blank(f.certificateLevel()), f.certificateExpires(), actor, id,
                        f.version() == null ? -1 : f.version())
                .update() == 1;
    }

    boolean deactivate(long id, String actor) {
        return jdbc.sql("UPDATE caregiver SET active = FALSE, updated_by = ?, updated_at = now(), version = version + 1 WHERE id = ? AND active")
                .params(actor, id).update() == 1;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
