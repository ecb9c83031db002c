package org.yinling.elder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;

/** The staging tables of imports: rows go in by JDBC batches; checks and the final write are single statements. */
@Component
class ElderImportStore {

    /** The error of a row whose resident ID is registered in another region: 'cannot be imported here'. */
    static final String NOT_HERE = "RESIDENT_ID|import.residentId.notHere";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final IdRefusals refusals;

    ElderImportStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, IdRefusals refusals) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.refusals = refusals;
    }

    long create(String fileName, ImportMode mode, RegionScope scope, String actor) {
        return jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES (:fileName, :mode, 'READING', :scope, :actor) RETURNING id
                        """)
                .param("fileName", fileName).param("mode", mode.name()).param("scope", scope.prefix())
                .param("actor", actor)
                .query(Long.class).single();
    }

    /** Advisory transaction lock that serialises the starts of imports, across all nodes: (this class, 0). */
    private static final int START_LOCK_CLASS = 0x5941_0008;

    /** Why an import could not start: too many of the user's, or of everyone's, are being read. */
    enum Busy {
        USER, ALL
    }

    /**
     * Creates the import if fewer than {@code perUser} imports of the actor and fewer than {@code total} in all are
     * being read (or waiting for a reader); the count and the insert are one step for all nodes (an advisory lock of
     * the transaction), so parallel uploads cannot all pass the count. The new id, or why not.
     */
    @Transactional
    Either create(String fileName, ImportMode mode, RegionScope scope, String actor, int perUser, int total) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lockClass, 0)) l").param("lockClass", START_LOCK_CLASS)
                .query(Integer.class).single();
        int[] running = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE created_by = :actor), count(*) FROM elder_import WHERE state = 'READING'
                        """)
                .param("actor", actor).query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        if (running[0] >= perUser) {
            return new Either(null, Busy.USER);
        }
        if (running[1] >= total) {
            return new Either(null, Busy.ALL);
        }
        return new Either(create(fileName, mode, scope, actor), null);
    }

    /** The new import's id, or the reason it was not created. */
    record Either(Long id, Busy busy) {
    }

    Optional<ElderImport> find(long id, RegionScope scope) {
        return jdbc.sql("SELECT * FROM elder_import WHERE id = :id AND scope_prefix LIKE :scope")
                .param("id", id).param("scope", scope.likePattern())
                .query(ElderImport.class).optional();
    }

    List<ElderImport> history(RegionScope scope, int limit, long offset) {
        return jdbc.sql("""
                        SELECT * FROM elder_import WHERE scope_prefix LIKE :scope
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("scope", scope.likePattern()).param("limit", limit).param("offset", offset)
                .query(ElderImport.class).list();
    }

    long historyCount(RegionScope scope) {
        return jdbc.sql("SELECT count(*) FROM elder_import WHERE scope_prefix LIKE :scope")
                .param("scope", scope.likePattern()).query(Long.class).single();
    }

    void insertRows(long importId, List<StagedRow> rows) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO elder_import_row (import_id, row_no, resident_id, birth_date, sex, name, community_code,
                    address, phone, ethnicity, hukou_local, living_arrangement, solitary, lost_only_child,
                    economic_status, income_per_person, guardian_name, guardian_relation, guardian_phone,
                    emergency_name, emergency_phone, notes, errors, community_name, disability_category,
                    disability_level, left_behind, only_child_disabled, special_care_recipient, serious_illness)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, rows.size(), (ps, row) -> bind(ps, importId, row));
    }

    void progress(long importId, int rowsRead) {
        jdbc.sql("UPDATE elder_import SET rows_read = :rows WHERE id = :id")
                .param("rows", rowsRead).param("id", importId).update();
    }

    /**
     * Brings the planner's statistics of the staging table up to date with the rows just read, before the set-based
     * checks run. Without it the checks are planned on statistics taken when the table held other imports' rows (or
     * none): the new import then looks like one row, and the in-file duplicate check became a nested loop that ran its
     * window subquery again for every row, quadratic in the size of the file (46,242 rows took 18 minutes; issue 20,
     * docs/performance.md "Import into an empty registry"). ANALYZE samples at most 30,000 rows whatever the table's
     * size, and runs in a transaction of its own (its lock conflicts only with another ANALYZE or VACUUM of the table,
     * so a second import waits for it at most this long, not for this import's whole check).
     */
    void analyseStaging() {
        jdbc.sql("ANALYZE elder_import_row").update();
    }

    /**
     * The in-file duplicate check: the first row with an ID wins; later rows with the same ID are errors. Planned on
     * fresh statistics ({@link #analyseStaging()}) it is a hash join of the import's rows with the few later
     * duplicates; on statistics that do not know the import it was a nested loop re-running the window for every row
     * (ElderImportPlanTest).
     */
    static final String DUPLICATE_IN_FILE = """
            UPDATE elder_import_row r SET errors = array_append(r.errors, 'RESIDENT_ID|import.residentId.duplicateInFile')
            FROM (SELECT row_no, row_number() OVER (PARTITION BY resident_id ORDER BY row_no) AS n
                  FROM elder_import_row WHERE import_id = :id AND birth_date IS NOT NULL) d
            WHERE r.import_id = :id AND r.row_no = d.row_no AND d.n > 1
            """;

    /** The checks that need the database, in bulk: community, region, duplicates in the file, already registered. */
    @Transactional
    void validate(long importId, RegionScope scope, ImportMode mode) {
        resolveCommunityNames(importId, scope);
        jdbc.sql("""
                        UPDATE elder_import_row r SET errors = array_append(r.errors, 'COMMUNITY_CODE|import.community.unknown')
                        WHERE r.import_id = :id AND r.community_code ~ '^[0-9]{12}$'
                          AND NOT EXISTS (SELECT 1 FROM region g WHERE g.code = r.community_code AND g.level = 'COMMUNITY')
                        """).param("id", importId).update();
        jdbc.sql("""
                        UPDATE elder_import_row r SET errors = array_append(r.errors, 'COMMUNITY_CODE|import.community.outOfScope')
                        WHERE r.import_id = :id AND r.community_code ~ '^[0-9]{12}$' AND r.community_code NOT LIKE :scope
                          AND EXISTS (SELECT 1 FROM region g WHERE g.code = r.community_code AND g.level = 'COMMUNITY')
                        """).param("id", importId).param("scope", scope.likePattern()).update();
        jdbc.sql(DUPLICATE_IN_FILE).param("id", importId).update();
        jdbc.sql("""
                        UPDATE elder_import_row r SET elder_id = e.id,
                            errors = CASE WHEN e.community_code LIKE :scope THEN r.errors
                                          ELSE array_append(r.errors, :notHere) END
                        FROM elder e
                        WHERE r.import_id = :id AND r.birth_date IS NOT NULL AND e.resident_id = r.resident_id
                        """).param("id", importId).param("scope", scope.likePattern()).param("notHere", NOT_HERE)
                .update();
        // rows registered elsewhere: counted and audited as one, and past the user's limit the file shows no rows
        if (!refusals.allowImport(importId, createdBy(importId), refusedRows(importId))) {
            fail(importId, "import.residentId.tooManyRefusals", null);
            return;
        }
        jdbc.sql("""
                        UPDATE elder_import_row SET outcome = CASE
                            WHEN cardinality(errors) > 0 THEN 'ERROR'
                            WHEN elder_id IS NULL THEN 'NEW'
                            ELSE :existing END
                        WHERE import_id = :id
                        """).param("id", importId).param("existing", mode == ImportMode.UPDATE ? "UPDATE" : "SKIP").update();
        jdbc.sql("""
                        UPDATE elder_import i SET state = 'VALIDATED',
                            rows_read = c.total, new_count = c.new, update_count = c.updates,
                            skip_count = c.skips, error_count = c.errors
                        FROM (SELECT count(*) AS total,
                                     count(*) FILTER (WHERE outcome = 'NEW') AS new,
                                     count(*) FILTER (WHERE outcome = 'UPDATE') AS updates,
                                     count(*) FILTER (WHERE outcome = 'SKIP') AS skips,
                                     count(*) FILTER (WHERE outcome = 'ERROR') AS errors
                              FROM elder_import_row WHERE import_id = :id) c
                        WHERE i.id = :id
                        """).param("id", importId).update();
    }

    /**
     * Rows that name their community (社区, or 街道/社区 where two have one name) get its code, looked up among the
     * communities of the importer's region, in one statement: a name that matches none or several is an error on the
     * row; a name given beside a code must be that code's community (the code decides).
     */
    private void resolveCommunityNames(long importId, RegionScope scope) {
        jdbc.sql("""
                        UPDATE elder_import_row r SET
                            community_code = CASE WHEN m.matches = 1 THEN m.code ELSE r.community_code END,
                            errors = CASE WHEN m.matches = 0 THEN array_append(r.errors, 'COMMUNITY|import.community.unknownName')
                                          WHEN m.matches > 1 THEN array_append(r.errors, 'COMMUNITY|import.community.ambiguous')
                                          ELSE r.errors END
                        FROM (SELECT n.row_no, count(g.code) AS matches, min(g.code) AS code
                              FROM elder_import_row n
                              LEFT JOIN region g ON g.level = 'COMMUNITY' AND g.code LIKE :scope
                                  AND (g.name = n.community_name
                                       OR (position('/' IN n.community_name) > 0
                                           AND g.name = split_part(n.community_name, '/', 2)
                                           AND EXISTS (SELECT 1 FROM region s WHERE s.code = g.parent_code
                                                       AND s.name = split_part(n.community_name, '/', 1))))
                              WHERE n.import_id = :id AND n.community_name IS NOT NULL AND n.community_code IS NULL
                              GROUP BY n.row_no) m
                        WHERE r.import_id = :id AND r.row_no = m.row_no
                        """).param("id", importId).param("scope", scope.likePattern()).update();
        jdbc.sql("""
                        UPDATE elder_import_row r SET errors = array_append(r.errors, 'COMMUNITY|import.community.mismatch')
                        FROM region g
                        WHERE r.import_id = :id AND r.community_name IS NOT NULL AND g.code = r.community_code
                          AND g.level = 'COMMUNITY' AND NOT 'COMMUNITY_CODE|import.community.format' = ANY(r.errors)
                          AND r.community_name <> g.name
                          AND r.community_name <> coalesce((SELECT s.name FROM region s WHERE s.code = g.parent_code), '')
                                                  || '/' || g.name
                          AND NOT EXISTS (SELECT 1 FROM unnest(r.errors) p WHERE p LIKE 'COMMUNITY|%')
                        """).param("id", importId).update();
    }

    /** The rows an import will add or change (not those with errors or skipped), in file order, a page of them. */
    List<PreviewRow> preview(long importId, int limit, long offset, java.time.LocalDate today) {
        return jdbc.sql("""
                        SELECT r.row_no, r.outcome, r.resident_id, r.name, r.sex, r.birth_date, r.community_code,
                               g.name AS community, r.living_arrangement, r.economic_status, r.disability_category,
                               r.disability_level, r.solitary, r.lost_only_child, r.only_child_disabled, r.left_behind,
                               r.special_care_recipient, r.serious_illness
                        FROM elder_import_row r LEFT JOIN region g ON g.code = r.community_code
                        WHERE r.import_id = :id AND r.outcome IN ('NEW', 'UPDATE')
                        ORDER BY r.row_no LIMIT :limit OFFSET :offset
                        """)
                .param("id", importId).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new PreviewRow(rs.getInt("row_no"), rs.getString("outcome"),
                        ResidentId.mask(rs.getString("resident_id")), rs.getString("name"),
                        Sex.valueOf(rs.getString("sex")),
                        java.time.Period.between(rs.getObject("birth_date", java.time.LocalDate.class), today).getYears(),
                        rs.getString("community_code"), rs.getString("community"),
                        LivingArrangement.valueOf(rs.getString("living_arrangement")),
                        EconomicStatus.valueOf(rs.getString("economic_status")),
                        rs.getString("disability_category") == null ? null
                                : DisabilityCategory.valueOf(rs.getString("disability_category")),
                        rs.getObject("disability_level", Integer.class), rs.getBoolean("solitary"),
                        rs.getBoolean("lost_only_child"), rs.getBoolean("only_child_disabled"),
                        rs.getBoolean("left_behind"), rs.getBoolean("special_care_recipient"),
                        rs.getBoolean("serious_illness")))
                .list();
    }

    /** A row about to be imported, as the check page previews it: the ID masked. */
    record PreviewRow(int rowNumber, String outcome, String maskedResidentId, String name, Sex sex, int age,
                      String communityCode, String community,
                      LivingArrangement livingArrangement, EconomicStatus economicStatus,
                      DisabilityCategory disabilityCategory, Integer disabilityLevel, boolean solitary,
                      boolean lostOnlyChild, boolean onlyChildDisabled, boolean leftBehind,
                      boolean specialCareRecipient, boolean seriousIllness) {

        public String outcomeKey() {
            return "import.count." + ("NEW".equals(outcome) ? "new" : "update");
        }

        public String disabilityLevelKey() {
            return disabilityLevel == null ? null : "elder.disabilityLevel." + disabilityLevel;
        }
    }

    private String createdBy(long importId) {
        return jdbc.sql("SELECT created_by FROM elder_import WHERE id = :id").param("id", importId)
                .query(String.class).single();
    }

    private long refusedRows(long importId) {
        return jdbc.sql("SELECT count(*) FROM elder_import_row WHERE import_id = :id AND :notHere = ANY(errors)")
                .param("id", importId).param("notHere", NOT_HERE).query(Long.class).single();
    }

    void fail(long importId, String key, Object argument) {
        jdbc.sql("""
                        UPDATE elder_import SET state = 'FAILED', failure_key = :key, failure_arg = :arg
                        WHERE id = :id AND state = 'READING'
                        """)
                .param("id", importId).param("key", key).param("arg", argument == null ? null : argument.toString())
                .update();
        jdbc.sql("DELETE FROM elder_import_row WHERE import_id = :id").param("id", importId).update();
    }

    /** Imports still READING: being read now on some node, or left so by a node that died. */
    List<Long> reading() {
        return jdbc.sql("SELECT id FROM elder_import WHERE state = 'READING' ORDER BY id").query(Long.class).list();
    }

    /** New elders in one INSERT … SELECT; the ON CONFLICT guards against an ID registered since validation. */
    int insertNewElders(long importId, String actor) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, ethnicity, phone, hukou_region_code,
                            hukou_local, community_code, address, living_arrangement, solitary, lost_only_child,
                            economic_status, income_per_person, guardian_name, guardian_relation, guardian_phone,
                            emergency_name, emergency_phone, notes, created_by, updated_by, disability_category,
                            disability_level, left_behind, only_child_disabled, special_care_recipient, serious_illness)
                        SELECT resident_id, name, sex, birth_date, ethnicity, phone,
                               CASE WHEN hukou_local THEN community_code END, hukou_local, community_code, address,
                               living_arrangement, solitary, lost_only_child, economic_status, income_per_person,
                               guardian_name, guardian_relation, guardian_phone, emergency_name, emergency_phone,
                               notes, :actor, :actor, disability_category, disability_level, left_behind,
                               only_child_disabled, special_care_recipient, serious_illness
                        FROM elder_import_row WHERE import_id = :id AND outcome = 'NEW'
                        ORDER BY row_no
                        ON CONFLICT (resident_id) DO NOTHING
                        """).param("id", importId).param("actor", actor).update();
    }

    /**
     * Existing elders corrected from the sheet in one UPDATE … FROM, still only inside the importer's region, and only
     * active ones: a deceased or moved-out elder's record is read-only (as in ElderService).
     */
    int updateExistingElders(long importId, RegionScope scope, String actor) {
        return jdbc.sql("""
                        UPDATE elder e SET name = r.name, ethnicity = r.ethnicity, phone = r.phone,
                            hukou_local = r.hukou_local,
                            hukou_region_code = CASE WHEN r.hukou_local THEN r.community_code END,
                            community_code = r.community_code, address = r.address,
                            living_arrangement = r.living_arrangement, solitary = r.solitary,
                            lost_only_child = r.lost_only_child, economic_status = r.economic_status,
                            income_per_person = r.income_per_person, guardian_name = r.guardian_name,
                            guardian_relation = r.guardian_relation, guardian_phone = r.guardian_phone,
                            emergency_name = r.emergency_name, emergency_phone = r.emergency_phone,
                            notes = r.notes, disability_category = r.disability_category,
                            disability_level = r.disability_level, left_behind = r.left_behind,
                            only_child_disabled = r.only_child_disabled,
                            special_care_recipient = r.special_care_recipient, serious_illness = r.serious_illness,
                            updated_by = :actor, updated_at = now(), version = e.version + 1
                        FROM elder_import_row r
                        WHERE r.import_id = :id AND r.outcome = 'UPDATE' AND e.id = r.elder_id
                          AND e.community_code LIKE :scope AND e.life_status = 'ACTIVE'
                        """).param("id", importId).param("scope", scope.likePattern()).param("actor", actor).update();
    }

    /** Moves the import from {@code from} to {@code to}; false if someone else already did (double submit). */
    boolean transition(long importId, String from, String to) {
        return jdbc.sql("""
                        UPDATE elder_import SET state = :to,
                            imported_at = CASE WHEN :to = 'IMPORTED' THEN now() ELSE imported_at END,
                            version = version + 1
                        WHERE id = :id AND state = :from
                        """).param("id", importId).param("from", from).param("to", to).update() == 1;
    }

    List<ImportProblem> problems(long importId, int limit) {
        return jdbc.sql("""
                        SELECT r.row_no, split_part(p, '|', 1) AS col, split_part(p, '|', 2) AS message_key,
                               r.resident_id, r.name
                        FROM elder_import_row r, unnest(r.errors) AS p
                        WHERE r.import_id = :id
                        ORDER BY r.row_no LIMIT :limit
                        """)
                .param("id", importId).param("limit", limit)
                .query((rs, i) -> new ImportProblem(rs.getInt("row_no"), ImportColumn.valueOf(rs.getString("col")),
                        rs.getString("message_key"), rs.getString("resident_id"), rs.getString("name")))
                .list();
    }

    private static void bind(PreparedStatement ps, long importId, StagedRow row) throws SQLException {
        ps.setLong(1, importId);
        ps.setInt(2, row.rowNumber());
        ps.setString(3, row.residentId());
        ps.setObject(4, row.birthDate());
        ps.setString(5, row.sex() == null ? null : row.sex().name());
        ps.setString(6, row.name());
        ps.setString(7, row.communityCode());
        ps.setString(8, row.address());
        ps.setString(9, row.phone());
        ps.setString(10, row.ethnicity());
        setBoolean(ps, 11, row.hukouLocal());
        ps.setString(12, row.livingArrangement() == null ? null : row.livingArrangement().name());
        setBoolean(ps, 13, row.solitary());
        setBoolean(ps, 14, row.lostOnlyChild());
        ps.setString(15, row.economicStatus() == null ? null : row.economicStatus().name());
        ps.setBigDecimal(16, row.incomePerPerson());
        ps.setString(17, row.guardianName());
        ps.setString(18, row.guardianRelation());
        ps.setString(19, row.guardianPhone());
        ps.setString(20, row.emergencyName());
        ps.setString(21, row.emergencyPhone());
        ps.setString(22, row.notes());
        ps.setArray(23, ps.getConnection().createArrayOf("text", row.errors().toArray()));
        ps.setString(24, row.communityName());
        ps.setString(25, row.disabilityCategory() == null ? null : row.disabilityCategory().name());
        if (row.disabilityLevel() == null) {
            ps.setNull(26, Types.SMALLINT);
        }
        else {
            ps.setShort(26, row.disabilityLevel().shortValue());
        }
        setBoolean(ps, 27, row.leftBehind());
        setBoolean(ps, 28, row.onlyChildDisabled());
        setBoolean(ps, 29, row.specialCareRecipient());
        setBoolean(ps, 30, row.seriousIllness());
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        }
        else {
            ps.setBoolean(index, value);
        }
    }
}
