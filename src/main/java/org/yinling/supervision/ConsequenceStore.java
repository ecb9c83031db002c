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

/**
 * The SQL of the consequences of findings (issue 23 §7) and of the deadline data's versions: the district's settings
 * per region prefix from a date (the longest matching prefix wins, then the latest date not after the day), and an
 * institution's open red findings.
 */
@Repository
class ConsequenceStore {

    private final JdbcClient jdbc;

    ConsequenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Setting(long id, String regionPrefix, boolean withholdOperating, AdmissionPause admissionPause,
                   LocalDate effectiveFrom, String note, OffsetDateTime createdAt, String createdBy) {
    }

    /** The setting in force for a community on a day (the seeded row makes one always exist). */
    Optional<Setting> settingFor(String communityCode, LocalDate on) {
        return jdbc.sql("""
                        SELECT * FROM supervision_consequence_setting
                        WHERE ? LIKE region_prefix || '%' AND effective_from <= ?
                        ORDER BY length(region_prefix) DESC, effective_from DESC LIMIT 1
                        """).params(communityCode, on).query(ConsequenceStore::setting).optional();
    }

    /** The versions that apply to a region: its own and those of the regions above it (the city-wide default). */
    List<Setting> settingsAbove(String regionPrefix) {
        return jdbc.sql("""
                        SELECT s.*, COALESCE(u.display_name, s.created_by) AS created_by_name
                        FROM supervision_consequence_setting s LEFT JOIN app_user u ON u.username = s.created_by
                        WHERE ? LIKE s.region_prefix || '%'
                        ORDER BY s.effective_from DESC, length(s.region_prefix) DESC
                        """).param(regionPrefix).query(ConsequenceStore::settingWithName).list();
    }

    boolean settingExists(String regionPrefix, LocalDate from) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_consequence_setting WHERE region_prefix = ? AND effective_from = ?)")
                .params(regionPrefix, from).query(Boolean.class).single();
    }

    Optional<Long> insertSetting(String regionPrefix, boolean withhold, AdmissionPause pause, LocalDate from, String note,
                                 String actor) {
        return jdbc.sql("""
                        INSERT INTO supervision_consequence_setting (region_prefix, withhold_operating, admission_pause,
                            effective_from, note, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region_prefix, effective_from) DO NOTHING RETURNING id
                        """).params(regionPrefix, withhold, pause.name(), from, note, actor).query(Long.class).optional();
    }

    record RedFinding(long id, String communityCode, String itemZh, String itemEn, OffsetDateTime foundAt) {

        String item(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? itemEn : itemZh;
        }
    }

    /** The institution's oldest open red finding. */
    Optional<RedFinding> openRedFinding(long institutionId) {
        return jdbc.sql("""
                        SELECT f.id, i.community_code, it.name_zh, it.name_en, f.found_at
                        FROM supervision_finding f
                        JOIN institution i ON i.id = f.institution_id
                        JOIN supervision_checklist_item it ON it.id = f.item_id
                        WHERE f.institution_id = ? AND f.severity = 'RED' AND f.closed_at IS NULL
                        ORDER BY f.found_at, f.id LIMIT 1
                        """).param(institutionId)
                .query((rs, n) -> new RedFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).optional();
    }

    Optional<String> communityOf(long institutionId) {
        return jdbc.sql("SELECT community_code FROM institution WHERE id = ?").param(institutionId)
                .query(String.class).optional();
    }

    /**
     * The select of the operating-subsidy lines withheld for a service month (see
     * {@link org.yinling.payment.PaymentHolds}): institutions of the batch's district whose setting in force on the
     * first day of the month withholds, with a red finding found before the month's end and not closed by then.
     */
    static final String WITHHELD_OPERATING = """
            SELECT 'INSTITUTION' AS payee_kind, i.id AS payee_id, 'OPERATING' AS kind, CAST(:svMonth AS date) AS month,
                   'RED_FINDING' AS reason, f.id AS reference_id, it.name_zh AS detail_zh, it.name_en AS detail_en,
                   CAST(f.found_at AT TIME ZONE :svZone AS date) AS since
            FROM institution i
            JOIN LATERAL (SELECT s.withhold_operating FROM supervision_consequence_setting s
                          WHERE i.community_code LIKE s.region_prefix || '%' AND s.effective_from <= CAST(:svMonth AS date)
                          ORDER BY length(s.region_prefix) DESC, s.effective_from DESC LIMIT 1) cs ON cs.withhold_operating
            JOIN supervision_finding f ON f.institution_id = i.id AND f.severity = 'RED'
                                      AND f.found_at < :svMonthEnd AND (f.closed_at IS NULL OR f.closed_at >= :svMonthEnd)
            JOIN supervision_checklist_item it ON it.id = f.item_id
            WHERE i.community_code LIKE :svPattern
            """;

    static Map<String, Object> withheldParameters(LocalDate month, OffsetDateTime monthEnd, String pattern, String zone) {
        return Map.of("svMonth", month, "svMonthEnd", monthEnd, "svPattern", pattern, "svZone", zone);
    }

    private static Setting setting(ResultSet rs, int row) throws SQLException {
        return new Setting(rs.getLong("id"), rs.getString("region_prefix"), rs.getBoolean("withhold_operating"),
                AdmissionPause.valueOf(rs.getString("admission_pause")), rs.getObject("effective_from", LocalDate.class),
                rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private static Setting settingWithName(ResultSet rs, int row) throws SQLException {
        return new Setting(rs.getLong("id"), rs.getString("region_prefix"), rs.getBoolean("withhold_operating"),
                AdmissionPause.valueOf(rs.getString("admission_pause")), rs.getObject("effective_from", LocalDate.class),
                rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by_name"));
    }
}
