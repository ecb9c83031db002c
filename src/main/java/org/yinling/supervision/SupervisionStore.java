package org.yinling.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of module supervision: checklists (city-wide, versioned), and inspections and findings, each read through
 * the user's region scope over the institution's community code.
 */
@Repository
class SupervisionStore {

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    SupervisionStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** A moment from the database (UTC) on the bureau's clock, as pages show it. */
    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    // ---- checklists

    List<Checklist> checklists() {
        return jdbc.sql("SELECT * FROM supervision_checklist ORDER BY version DESC").query(SupervisionStore::checklist).list();
    }

    Optional<Checklist> checklistVersion(int version) {
        return jdbc.sql("SELECT * FROM supervision_checklist WHERE version = ?").param(version)
                .query(SupervisionStore::checklist).optional();
    }

    /** The version that applies on a date: the latest one from that date or before. */
    Optional<Checklist> checklistOn(LocalDate on) {
        return jdbc.sql("SELECT * FROM supervision_checklist WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1")
                .param(on).query(SupervisionStore::checklist).optional();
    }

    Optional<LocalDate> latestEffectiveFrom() {
        return jdbc.sql("SELECT max(effective_from) FROM supervision_checklist").query(LocalDate.class).optional();
    }

    List<ChecklistItem> items(long checklistId) {
        return jdbc.sql("SELECT * FROM supervision_checklist_item WHERE checklist_id = ? ORDER BY position, id")
                .param(checklistId).query(SupervisionStore::item).list();
    }

    /** A new version numbered after the last, from its date, with its items in the order given. */
    long insertChecklist(LocalDate effectiveFrom, List<ChecklistForm.Row> rows, String actor) {
        jdbc.sql("LOCK TABLE supervision_checklist IN SHARE ROW EXCLUSIVE MODE").update();
        long id = jdbc.sql("""
                        INSERT INTO supervision_checklist (version, effective_from, created_by)
                        SELECT COALESCE(max(version), 0) + 1, ?, ? FROM supervision_checklist RETURNING id
                        """).params(effectiveFrom, actor).query(Long.class).single();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO supervision_checklist_item (checklist_id, position, area, name_zh, name_en, severity) VALUES ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ChecklistForm.Row row = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(id, (i + 1) * 10, row.getArea().name(), row.getNameZh().strip(),
                    row.getNameEn().strip(), row.getSeverity().name()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        return id;
    }

    // ---- deadlines

    /** The deadline rules for an institution's community on a date: the longest region prefix, then the latest date. */
    Map<Severity, DeadlineRule> deadlineRules(String communityCode, LocalDate on) {
        Map<Severity, DeadlineRule> rules = new EnumMap<>(DeadlineRule.DEFAULTS);
        jdbc.sql("""
                        SELECT DISTINCT ON (severity) severity, amount, unit FROM supervision_deadline
                        WHERE ? LIKE region_prefix || '%' AND effective_from <= ?
                        ORDER BY severity, length(region_prefix) DESC, effective_from DESC
                        """).params(communityCode, on)
                .query((rs, n) -> new DeadlineRule(Severity.valueOf(rs.getString("severity")), rs.getInt("amount"),
                        DeadlineRule.Unit.valueOf(rs.getString("unit"))))
                .list().forEach(rule -> rules.put(rule.severity(), rule));
        return rules;
    }

    // ---- inspections

    record PlanRow(long institutionId, String name, String communityName, int inspections, LocalDate lastOn,
                   boolean openToday) {
    }

    /** The institutions of the region that are in operation, those not inspected in the year first. */
    List<PlanRow> plan(SupervisionScope scope, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                        SELECT i.id, i.name, r.name AS community_name,
                               count(s.id) FILTER (WHERE s.status = 'SUBMITTED') AS inspections,
                               max(s.inspected_on) FILTER (WHERE s.status = 'SUBMITTED') AS last_on,
                               bool_or(s.status = 'OPEN' AND s.inspected_on = ?) AS open_today
                        FROM institution i
                        JOIN region r ON r.code = i.community_code
                        LEFT JOIN supervision_inspection s ON s.institution_id = i.id AND s.inspected_on BETWEEN ? AND ?
                        WHERE %s AND i.status <> 'CLOSED'
                        GROUP BY i.id, r.name
                        ORDER BY count(s.id) FILTER (WHERE s.status = 'SUBMITTED') > 0, i.community_code, i.name, i.id
                        LIMIT 2000
                        """.formatted(scope.condition("i"))).params(today, from, to, scope.value())
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("name"), rs.getString("community_name"),
                        rs.getInt("inspections"), rs.getObject("last_on", LocalDate.class), rs.getBoolean("open_today")))
                .list();
    }

    Optional<String> communityOfInstitution(long institutionId, SupervisionScope scope) {
        return jdbc.sql("SELECT i.community_code FROM institution i WHERE i.id = ? AND " + scope.condition("i"))
                .params(institutionId, scope.value()).query(String.class).optional();
    }

    boolean openInspectionExists(long institutionId, LocalDate on) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_inspection WHERE institution_id = ? AND inspected_on = ? AND status = 'OPEN')")
                .params(institutionId, on).query(Boolean.class).single();
    }

    /** Empty when another open inspection of the institution that day was saved meanwhile (the unique index). */
    Optional<Long> insertInspection(long institutionId, long checklistId, LocalDate on, String actor, boolean demo) {
        return jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, created_by, demo)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (institution_id, inspected_on) WHERE status = 'OPEN' DO NOTHING RETURNING id
                        """).params(institutionId, checklistId, on, actor, demo).query(Long.class).optional();
    }

    record Inspection(long id, long institutionId, String institutionName, String communityCode, long checklistId,
                      int checklistVersion, LocalDate inspectedOn, boolean open, String inspectorName,
                      String representativeName, String note, OffsetDateTime submittedAt, String createdBy) {
    }

    private static final String INSPECTION = """
            SELECT s.*, i.name AS institution_name, i.community_code, c.version AS checklist_version
            FROM supervision_inspection s
            JOIN institution i ON i.id = s.institution_id
            JOIN supervision_checklist c ON c.id = s.checklist_id
            """;

    Optional<Inspection> inspection(long id, SupervisionScope scope) {
        return jdbc.sql(INSPECTION + " WHERE s.id = ? AND " + scope.condition("i")).params(id, scope.value())
                .query(this::inspection).optional();
    }

    /** The latest inspections of the region. */
    List<Inspection> recentInspections(SupervisionScope scope, int limit) {
        return jdbc.sql(INSPECTION + " WHERE " + scope.condition("i") + " ORDER BY s.inspected_on DESC, s.id DESC LIMIT ?")
                .params(scope.value(), limit).query(this::inspection).list();
    }

    record Result(long itemId, Outcome outcome, String note) {
    }

    List<Result> results(long inspectionId) {
        return jdbc.sql("SELECT * FROM supervision_result WHERE inspection_id = ?").param(inspectionId)
                .query((rs, n) -> new Result(rs.getLong("item_id"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("note"))).list();
    }

    /** Saves the results and submits the inspection; false when it had been submitted already. */
    boolean submit(long inspectionId, List<Result> results, String inspector, String representative, String note,
                   OffsetDateTime at) {
        int updated = jdbc.sql("""
                        UPDATE supervision_inspection SET status = 'SUBMITTED', inspector_name = ?, representative_name = ?,
                            note = ?, submitted_at = ?
                        WHERE id = ? AND status = 'OPEN'
                        """).params(inspector, representative, note, at, inspectionId).update();
        if (updated == 0) {
            return false;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO supervision_result (inspection_id, item_id, outcome, note) VALUES ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
            params.add(inspectionId);
            params.add(r.itemId());
            params.add(r.outcome().name());
            params.add(r.note());
        }
        jdbc.sql(sql.toString()).params(params).update();
        return true;
    }

    /** Every failed item of the inspection becomes a finding, its deadline by its severity. */
    int insertFindings(long inspectionId, OffsetDateTime foundAt, Map<Severity, OffsetDateTime> deadlines) {
        return jdbc.sql("""
                        INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                        SELECT r.inspection_id, r.item_id, s.institution_id, it.severity, r.note, ?,
                               CASE it.severity WHEN 'RED' THEN ? WHEN 'ORANGE' THEN ? WHEN 'YELLOW' THEN ? ELSE ? END
                        FROM supervision_result r
                        JOIN supervision_inspection s ON s.id = r.inspection_id
                        JOIN supervision_checklist_item it ON it.id = r.item_id
                        WHERE r.inspection_id = ? AND r.outcome = 'FAIL'
                        """).params(foundAt, deadlines.get(Severity.RED), deadlines.get(Severity.ORANGE),
                        deadlines.get(Severity.YELLOW), deadlines.get(Severity.BLUE), inspectionId).update();
    }

    // ---- findings

    record Finding(long id, long inspectionId, long itemId, long institutionId, String institutionName, String communityName,
                   String itemZh, String itemEn, Area area, Severity severity, String note, OffsetDateTime foundAt,
                   OffsetDateTime deadline, String rectification, OffsetDateTime rectifiedAt, String rectifiedBy,
                   String recheckNote, OffsetDateTime closedAt, String closedBy) {

        public String item(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? itemEn : itemZh;
        }

        public boolean closed() {
            return closedAt != null;
        }

        public boolean overdueAt(OffsetDateTime now) {
            return closedAt == null && deadline.isBefore(now);
        }
    }

    private static final String FINDING = """
            SELECT f.*, i.name AS institution_name, r.name AS community_name, it.name_zh, it.name_en, it.area,
                   COALESCE(ur.display_name, f.rectified_by) AS rectified_by_name,
                   COALESCE(uc.display_name, f.closed_by) AS closed_by_name
            FROM supervision_finding f
            LEFT JOIN app_user ur ON ur.username = f.rectified_by
            LEFT JOIN app_user uc ON uc.username = f.closed_by
            JOIN institution i ON i.id = f.institution_id
            JOIN region r ON r.code = i.community_code
            JOIN supervision_checklist_item it ON it.id = f.item_id
            """;

    /** Which findings a list shows. */
    enum Show { OVERDUE, OPEN, ALL }

    List<Finding> findings(SupervisionScope scope, Show show, Long institutionId, OffsetDateTime now, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = findingWhere(scope, show, institutionId, now, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(FINDING + where + " ORDER BY f.closed_at IS NOT NULL, f.deadline, f.id LIMIT ? OFFSET ?")
                .params(params).query(this::finding).list();
    }

    long countFindings(SupervisionScope scope, Show show, Long institutionId, OffsetDateTime now) {
        List<Object> params = new ArrayList<>();
        String where = findingWhere(scope, show, institutionId, now, params);
        return jdbc.sql("SELECT count(*) FROM supervision_finding f JOIN institution i ON i.id = f.institution_id " + where)
                .params(params).query(Long.class).single();
    }

    private static String findingWhere(SupervisionScope scope, Show show, Long institutionId, OffsetDateTime now,
                                       List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE " + scope.condition("i"));
        params.add(scope.value());
        if (show == Show.OVERDUE) {
            where.append(" AND f.closed_at IS NULL AND f.deadline < ?");
            params.add(now);
        }
        else if (show == Show.OPEN) {
            where.append(" AND f.closed_at IS NULL");
        }
        if (institutionId != null) {
            where.append(" AND f.institution_id = ?");
            params.add(institutionId);
        }
        return where.toString();
    }

    List<Finding> findingsOf(long inspectionId) {
        return jdbc.sql(FINDING + " WHERE f.inspection_id = ? ORDER BY it.position").param(inspectionId)
                .query(this::finding).list();
    }

    Optional<Finding> finding(long id, SupervisionScope scope) {
        return jdbc.sql(FINDING + " WHERE f.id = ? AND " + scope.condition("i")).params(id, scope.value())
                .query(this::finding).optional();
    }

    boolean rectify(long id, String text, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_finding SET rectification = ?, rectified_by = ?, rectified_at = ?
                        WHERE id = ? AND closed_at IS NULL
                        """).params(text, actor, at, id).update() == 1;
    }

    boolean moveDeadline(long id, OffsetDateTime deadline) {
        return jdbc.sql("UPDATE supervision_finding SET deadline = ? WHERE id = ? AND closed_at IS NULL")
                .params(deadline, id).update() == 1;
    }

    /** False when it is closed already or has no rectification. */
    boolean close(long id, String recheckNote, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_finding SET recheck_note = ?, closed_by = ?, closed_at = ?
                        WHERE id = ? AND closed_at IS NULL AND rectification IS NOT NULL
                        """).params(recheckNote, actor, at, id).update() == 1;
    }

    /** A re-check that finds the finding not put right: the rectification is cleared, the finding stays open. */
    boolean recheckFailed(long id, String recheckNote, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_finding SET recheck_note = ?, rectification = NULL, rectified_at = NULL,
                            rectified_by = NULL, recheck_failed_at = ?
                        WHERE id = ? AND closed_at IS NULL AND rectification IS NOT NULL
                        """).params(recheckNote, at, id).update() == 1;
    }

    record Counts(long open, long overdue) {
    }

    Counts counts(long institutionId, SupervisionScope scope, OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT count(*) AS open, count(*) FILTER (WHERE f.deadline < ?) AS overdue
                        FROM supervision_finding f JOIN institution i ON i.id = f.institution_id
                        WHERE f.institution_id = ? AND f.closed_at IS NULL AND %s
                        """.formatted(scope.condition("i"))).params(now, institutionId, scope.value())
                .query((rs, n) -> new Counts(rs.getLong("open"), rs.getLong("overdue"))).single();
    }

    // ---- mapping

    private static Checklist checklist(ResultSet rs, int row) throws SQLException {
        return new Checklist(rs.getLong("id"), rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                rs.getString("created_by"));
    }

    private static ChecklistItem item(ResultSet rs, int row) throws SQLException {
        return new ChecklistItem(rs.getLong("id"), rs.getInt("position"), Area.valueOf(rs.getString("area")),
                rs.getString("name_zh"), rs.getString("name_en"), Severity.valueOf(rs.getString("severity")));
    }

    private Inspection inspection(ResultSet rs, int row) throws SQLException {
        return new Inspection(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("community_code"), rs.getLong("checklist_id"), rs.getInt("checklist_version"),
                rs.getObject("inspected_on", LocalDate.class), "OPEN".equals(rs.getString("status")),
                rs.getString("inspector_name"), rs.getString("representative_name"), rs.getString("note"),
                local(rs, "submitted_at"), rs.getString("created_by"));
    }

    private Finding finding(ResultSet rs, int row) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("item_id"), rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("community_name"), rs.getString("name_zh"),
                rs.getString("name_en"), Area.valueOf(rs.getString("area")), Severity.valueOf(rs.getString("severity")),
                rs.getString("note"), local(rs, "found_at"),
                local(rs, "deadline"), rs.getString("rectification"),
                local(rs, "rectified_at"), rs.getString("rectified_by_name"),
                rs.getString("recheck_note"), local(rs, "closed_at"), rs.getString("closed_by_name"));
    }
}
