package org.yinling.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.elder.ResidentId;

/** Reads a batch's lines: a page for the screen, a stream for the bank list, totals for the summary. */
@Repository
@Transactional(readOnly = true)
class LineQueries {

    private static final String COLUMNS = """
            l.id, l.month, l.kind, l.elder_id, l.elder_name, l.resident_id, l.community_code, l.policy_code,
            l.policy_version, l.tier_index, l.amount, l.payee_bank, l.payee_account, l.reference, l.status,
            l.failure_reason, coalesce((SELECT sp.name FROM subsidy_policy sp
                                        WHERE sp.code = l.policy_code AND sp.version = l.policy_version),
                                       l.policy_code) AS policy_name""";

    private final JdbcClient jdbc;

    LineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a batch, as generated (a snapshot) plus what the bank said. */
    record Line(long id, LocalDate month, LineKind kind, long elderId, String elderName, String residentId,
                String communityCode, String policyCode, int policyVersion, int tierIndex, BigDecimal amount,
                String payeeBank, String payeeAccount, String reference, LineStatus status, String failureReason,
                String policyName) {

        public String maskedResidentId() {
            return ResidentId.mask(residentId);
        }
    }

    record Total(String key, long lines, BigDecimal amount) {
    }

    List<Line> page(long batchId, String communityPattern, LineStatus status, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment_line l
                        WHERE l.batch_id = ? AND l.community_code LIKE ? AND (CAST(? AS text) IS NULL OR l.status = ?)
                        ORDER BY l.community_code, l.id LIMIT ? OFFSET ?""")
                .params(batchId, communityPattern, status == null ? null : status.name(),
                        status == null ? null : status.name(), limit, offset)
                .query(LineQueries::map).list();
    }

    long count(long batchId, String communityPattern, LineStatus status) {
        return jdbc.sql("""
                        SELECT count(*) FROM payment_line l
                        WHERE l.batch_id = ? AND l.community_code LIKE ? AND (CAST(? AS text) IS NULL OR l.status = ?)
                        """)
                .params(batchId, communityPattern, status == null ? null : status.name(),
                        status == null ? null : status.name())
                .query(Long.class).single();
    }

    void forEach(long batchId, Consumer<Line> sink) {
        jdbc.sql("SELECT " + COLUMNS + " FROM payment_line l WHERE l.batch_id = ? ORDER BY l.community_code, l.id")
                .param(batchId).query(LineQueries::map).stream().forEach(sink);
    }

    /** Totals per policy version; lines paid to institutions and meal points under their kind. */
    /**
     * Totals per policy (its name and version, never its code) and per kind of organisation payment (kind set, name
     * null): what the screen and the signed summary show.
     */
    List<PolicyTotal> totalsByPolicy(long batchId) {
        return jdbc.sql("""
                        SELECT l.name, l.version, l.kind, count(*), sum(l.amount) FROM (
                            SELECT coalesce(sp.name, pl.policy_code) AS name, pl.policy_version AS version,
                                   NULL AS kind, pl.amount
                            FROM payment_line pl
                            LEFT JOIN subsidy_policy sp ON sp.code = pl.policy_code AND sp.version = pl.policy_version
                            WHERE pl.batch_id = ?
                            UNION ALL
                            SELECT NULL, 0, kind, amount FROM payment_payee_line WHERE batch_id = ?) l
                        GROUP BY l.name, l.version, l.kind ORDER BY l.kind NULLS FIRST, l.name, l.version
                        """)
                .params(batchId, batchId).query((rs, row) -> new PolicyTotal(rs.getString(1), rs.getInt(2),
                        rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
    }

    /** One row of the totals per policy: a policy's name and version, or a kind of organisation payment. */
    record PolicyTotal(String name, int version, String kind, long lines, BigDecimal amount) {
    }

    /** The display name of a user: the summary's 制表人 and 复核人 sign with their names, not their logins. */
    String displayName(String username) {
        if (username == null) {
            return null;
        }
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional().orElse(username);
    }

    /** Totals per street (its 12-digit code). */
    List<Total> totalsByStreet(long batchId) {
        return jdbc.sql("""
                        SELECT substr(community_code, 1, 9) || '000', count(*), sum(amount) FROM (
                            SELECT community_code, amount FROM payment_line WHERE batch_id = ?
                            UNION ALL
                            SELECT community_code, amount FROM payment_payee_line WHERE batch_id = ?) l
                        GROUP BY 1 ORDER BY 1
                        """)
                .params(batchId, batchId).query((rs, row) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    List<Total> totalsByStatus(long batchId) {
        return jdbc.sql("""
                        SELECT status, count(*), sum(amount) FROM (
                            SELECT status, amount FROM payment_line WHERE batch_id = ?
                            UNION ALL
                            SELECT status, amount FROM payment_payee_line WHERE batch_id = ?) l
                        GROUP BY 1 ORDER BY 1
                        """)
                .params(batchId, batchId).query((rs, row) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    /**
     * A line paid to an organisation: an institution (operating subsidy with residents behind it, construction grant)
     * or a meal point or a home-care provider (its monthly settlement); {@code payeeId} is the institution, the meal
     * point or the provider.
     */
    record PayeeLine(long id, String kind, long payeeId, String payeeName, String communityCode, LocalDate month,
                     int residents, BigDecimal amount, String payeeBank, String payeeAccount, String reference,
                     LineStatus status, String failureReason) {
    }

    /** One resident behind an institution's line. */
    record Resident(long elderId, String elderName, String residentId, String category, int days, BigDecimal amount) {

        public String maskedResidentId() {
            return ResidentId.mask(residentId);
        }

        public String categoryKey() {
            return "institution.rates." + category;
        }
    }

    List<PayeeLine> payeeLines(long batchId) {
        return jdbc.sql("""
                        SELECT id, kind, COALESCE(institution_id, meal_point_id, provider_id), payee_name, community_code, month, COALESCE(residents, 0),
                            amount, payee_bank, payee_account, reference, status, failure_reason
                        FROM payment_payee_line WHERE batch_id = ? ORDER BY community_code, payee_name, id
                        """)
                .param(batchId)
                .query((rs, row) -> new PayeeLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getBigDecimal(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), LineStatus.valueOf(rs.getString(12)),
                        rs.getString(13)))
                .list();
    }

    /** A line the batch withheld (see {@link PaymentHolds}): what it would have paid, and why. */
    record Withheld(String payeeKind, long payeeId, String kind, String payeeName, String communityCode,
                    LocalDate month, Integer residents, BigDecimal amount, String reason, Long referenceId,
                    String detailZh, String detailEn, LocalDate since) {

        public String detail(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && detailEn != null ? detailEn : detailZh;
        }

        public String reasonKey() {
            return "payment.withheld.reason." + reason;
        }
    }

    List<Withheld> withheld(long batchId) {
        return jdbc.sql("""
                        SELECT payee_kind, payee_id, kind, payee_name, community_code, month, residents, amount, reason,
                            reference_id, detail_zh, detail_en, since
                        FROM payment_withheld_line WHERE batch_id = ? ORDER BY community_code, payee_name, id
                        """)
                .param(batchId)
                .query((rs, row) -> new Withheld(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, Integer.class),
                        rs.getBigDecimal(8), rs.getString(9), rs.getObject(10, Long.class), rs.getString(11),
                        rs.getString(12), rs.getObject(13, LocalDate.class)))
                .list();
    }

    List<Resident> residents(long batchId, long lineId) {
        return jdbc.sql("""
                        SELECT r.elder_id, r.elder_name, r.resident_id, r.category, r.days, r.amount
                        FROM payment_institution_resident r JOIN payment_payee_line l ON l.id = r.line_id
                        WHERE l.batch_id = ? AND l.id = ? ORDER BY r.elder_name, r.elder_id
                        """)
                .params(batchId, lineId)
                .query((rs, row) -> new Resident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBigDecimal(6)))
                .list();
    }

    /** An elder's payment history, newest month first. */
    List<Line> ofElder(long elderId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_line l WHERE l.elder_id = ? ORDER BY l.month DESC, l.id DESC LIMIT ?")
                .params(elderId, limit).query(LineQueries::map).list();
    }

    private static Line map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Line(rs.getLong("id"), rs.getObject("month", LocalDate.class), LineKind.valueOf(rs.getString("kind")),
                rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("resident_id"),
                rs.getString("community_code"), rs.getString("policy_code"), rs.getInt("policy_version"),
                rs.getInt("tier_index"), rs.getBigDecimal("amount"), rs.getString("payee_bank"),
                rs.getString("payee_account"), rs.getString("reference"), LineStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"), rs.getString("policy_name"));
    }
}
