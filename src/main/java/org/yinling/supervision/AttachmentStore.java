package org.yinling.supervision;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code supervision_attachment}: evidence of a finding's rectification, photos of inspection items (and, V55,
 * photos held for an open inspection until it is submitted), and scans of certificates, kept in the database. Reads go
 * through the user's {@link SupervisionScope} over the institution of the finding, the inspection or the certificate;
 * lists never load the files' bytes.
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

    /** A file to send; {@code certificateId} when it is a certificate's scan (its views are audited). */
    record FileContent(String fileName, String contentType, byte[] content, Long certificateId) {
    }

    /** The scan of a certificate (the caller has found the certificate within the user's scope and may record). */
    long insertScan(long certificateId, EvidenceFiles.Checked file, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO supervision_attachment (certificate_id, file_name, content_type, size_bytes, content,
                            uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """).params(certificateId, file.fileName(), file.contentType(), file.content().length,
                        file.content(), actor, at).query(Long.class).single();
    }

    /** The scans of an institution's certificates (current and replaced), newest first, by certificate. */
    java.util.Map<Long, List<Attachment>> scans(long institutionId) {
        java.util.Map<Long, List<Attachment>> byCertificate = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.certificate_id AS item_id, a.file_name, a.content_type, a.size_bytes,
                               COALESCE(u.display_name, a.uploaded_by) AS by, a.uploaded_at, TRUE AS current
                        FROM supervision_attachment a
                        JOIN supervision_certificate c ON c.id = a.certificate_id
                        LEFT JOIN app_user u ON u.username = a.uploaded_by
                        WHERE c.institution_id = ? ORDER BY a.uploaded_at DESC, a.id DESC
                        """).param(institutionId).query(this::attachment).list()
                .forEach(a -> byCertificate.computeIfAbsent(a.itemId(), k -> new java.util.ArrayList<>()).add(a));
        return byCertificate;
    }

    /**
     * Holds a photo of an item of an open inspection (its form came back with errors) until the inspection is
     * submitted; only its uploader can see it or refer to it.
     */
    long insertPending(long inspectionId, long itemId, EvidenceFiles.Checked file, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO supervision_attachment (pending_inspection_id, pending_item_id, file_name,
                            content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """).params(inspectionId, itemId, file.fileName(), file.contentType(), file.content().length,
                        file.content(), actor, at).query(Long.class).single();
    }

    /** The photos this user holds for the open inspection, by item (the newest of an item last). */
    java.util.Map<Long, Attachment> pending(long inspectionId, String actor) {
        java.util.Map<Long, Attachment> byItem = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.pending_item_id AS item_id, a.file_name, a.content_type, a.size_bytes,
                               COALESCE(u.display_name, a.uploaded_by) AS by, a.uploaded_at, TRUE AS current
                        FROM supervision_attachment a
                        LEFT JOIN app_user u ON u.username = a.uploaded_by
                        WHERE a.pending_inspection_id = ? AND a.uploaded_by = ? ORDER BY a.id
                        """).params(inspectionId, actor).query(this::attachment).list()
                .forEach(a -> byItem.put(a.itemId(), a));
        return byItem;
    }

    /** Links held photos to their items' results (the inspection has just been submitted); the number linked. */
    int linkPending(long inspectionId, java.util.Collection<Long> ids, String actor) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE supervision_attachment SET inspection_id = pending_inspection_id, item_id = pending_item_id,
                            pending_inspection_id = NULL, pending_item_id = NULL
                        WHERE pending_inspection_id = :inspection AND uploaded_by = :actor AND id IN (:ids)
                        """).param("inspection", inspectionId).param("actor", actor).param("ids", ids).update();
    }

    /** Drops this user's held photos of the inspection except those kept. */
    int dropPending(long inspectionId, java.util.Collection<Long> kept, String actor) {
        var statement = jdbc.sql("""
                        DELETE FROM supervision_attachment
                        WHERE pending_inspection_id = :inspection AND uploaded_by = :actor
                        """ + (kept.isEmpty() ? "" : " AND id NOT IN (:kept)")).param("inspection", inspectionId)
                .param("actor", actor);
        return (kept.isEmpty() ? statement : statement.param("kept", kept)).update();
    }

    /** Drops every photo still held for the inspection (it has been submitted). */
    int dropAllPending(long inspectionId) {
        return jdbc.sql("DELETE FROM supervision_attachment WHERE pending_inspection_id = ?").param(inspectionId).update();
    }

    /** Held photos of inspections older than the moment (never submitted): deleted; the number deleted. */
    int dropPendingBefore(OffsetDateTime before) {
        return jdbc.sql("""
                        DELETE FROM supervision_attachment WHERE pending_inspection_id IS NOT NULL AND uploaded_at < ?
                        """).param(before).update();
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
     * One file, when its finding's, inspection's or certificate's institution lies within the scope; a photo held for an
     * open inspection only for its uploader; else empty (404).
     */
    Optional<FileContent> file(long id, SupervisionScope scope, String username) {
        return jdbc.sql("""
                        SELECT a.file_name, a.content_type, a.content, a.certificate_id
                        FROM supervision_attachment a
                        LEFT JOIN supervision_finding f ON f.id = a.finding_id
                        LEFT JOIN supervision_inspection s ON s.id = COALESCE(a.inspection_id, a.pending_inspection_id)
                        LEFT JOIN supervision_certificate c ON c.id = a.certificate_id
                        JOIN institution i ON i.id = COALESCE(f.institution_id, s.institution_id, c.institution_id)
                        WHERE a.id = ? AND (a.pending_inspection_id IS NULL OR a.uploaded_by = ?) AND %s
                        """.formatted(scope.condition("i"))).params(id, username, scope.value())
                .query((rs, n) -> new FileContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"), rs.getObject("certificate_id", Long.class))).optional();
    }

    private Attachment attachment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject("uploaded_at", OffsetDateTime.class);
        return new Attachment(rs.getLong("id"), (Long) rs.getObject("item_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("by"), at.atZoneSameInstant(zone).toOffsetDateTime(),
                rs.getBoolean("current"));
    }
}
