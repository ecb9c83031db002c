package org.yinling.supervision;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code supervision_attachment}: evidence of a finding's rectification and photos of inspection items, kept
 * in the database. Reads go through the user's {@link SupervisionScope} over the institution of the finding or the
 * inspection; lists never load the files' bytes.
 */
@Repository
class AttachmentStore {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AttachmentStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** An attachment as a page lists it; {@code current} for evidence uploaded since the last failed re-check. */
    record Attachment(long id, Long itemId, String fileName, String contentType, int sizeBytes, String uploadedBy,
                      OffsetDateTime uploadedAt, boolean current) {

        public boolean image() {
            return contentType.startsWith("image/");
        }

        public long kilobytes() {
            return Math.max(1, (sizeBytes + 1023) / 1024);
        }
    }

    /** A file to send. */
    record FileContent(String fileName, String contentType, byte[] content) {
    }

    long insertEvidence(long findingId, EvidenceFiles.Checked file, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO supervision_attachment (finding_id, file_name, content_type, size_bytes, content,
                            uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """).params(findingId, file.fileName(), file.contentType(), file.content().length, file.content(),
                        actor, at).query(Long.class).single();
    }

    long insertPhoto(long inspectionId, long itemId, EvidenceFiles.Checked file, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO supervision_attachment (inspection_id, item_id, file_name, content_type, size_bytes,
                            content, uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """).params(inspectionId, itemId, file.fileName(), file.contentType(), file.content().length,
                        file.content(), actor, at).query(Long.class).single();
    }

    /** The finding's evidence, newest first (the caller has found the finding within the user's scope). */
    List<Attachment> evidence(long findingId) {
        return jdbc.sql("""
                        SELECT a.id, a.item_id, a.file_name, a.content_type, a.size_bytes,
                               COALESCE(u.display_name, a.uploaded_by) AS by, a.uploaded_at, a.uploaded_at >= COALESCE(f.recheck_failed_at, '-infinity') AS current
                        FROM supervision_attachment a
                        JOIN supervision_finding f ON f.id = a.finding_id
                        LEFT JOIN app_user u ON u.username = a.uploaded_by
                        WHERE a.finding_id = ? ORDER BY a.uploaded_at DESC, a.id DESC
                        """).param(findingId).query(this::attachment).list();
    }

    /** The photos of an inspection's items (the caller has found the inspection within the user's scope). */
    List<Attachment> photos(long inspectionId, Long itemId) {
        return jdbc.sql("""
                        SELECT a.id, a.item_id, a.file_name, a.content_type, a.size_bytes,
                               COALESCE(u.display_name, a.uploaded_by) AS by, a.uploaded_at, TRUE AS current
                        FROM supervision_attachment a
                        LEFT JOIN app_user u ON u.username = a.uploaded_by
                        WHERE a.inspection_id = ? AND (?::bigint IS NULL OR a.item_id = ?) ORDER BY a.id
                        """).params(inspectionId, itemId, itemId).query(this::attachment).list();
    }

    /** Whether the finding has evidence uploaded since its last failed re-check. */
    boolean hasCurrentEvidence(long findingId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM supervision_attachment a JOIN supervision_finding f ON f.id = a.finding_id
                                       WHERE a.finding_id = ? AND a.uploaded_at >= COALESCE(f.recheck_failed_at, '-infinity'))
                        """).param(findingId).query(Boolean.class).single();
    }

    /**
     * One file, when its finding's or inspection's institution lies within the scope; else empty (404).
     */
    Optional<FileContent> file(long id, SupervisionScope scope) {
        return jdbc.sql("""
                        SELECT a.file_name, a.content_type, a.content
                        FROM supervision_attachment a
                        LEFT JOIN supervision_finding f ON f.id = a.finding_id
                        LEFT JOIN supervision_inspection s ON s.id = a.inspection_id
                        JOIN institution i ON i.id = COALESCE(f.institution_id, s.institution_id)
                        WHERE a.id = ? AND %s
                        """.formatted(scope.condition("i"))).params(id, scope.value())
                .query((rs, n) -> new FileContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    private Attachment attachment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject("uploaded_at", OffsetDateTime.class);
        return new Attachment(rs.getLong("id"), (Long) rs.getObject("item_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("by"), at.atZoneSameInstant(zone).toOffsetDateTime(),
                rs.getBoolean("current"));
    }
}
