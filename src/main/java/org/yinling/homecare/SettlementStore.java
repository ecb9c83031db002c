package org.yinling.homecare;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of provider settlements. The draft of a month is computed live and set-based ({@link #draft}): the
 * provider's orders of the month confirmed or called back and in no settlement yet, each at its stored amount times
 * its government share (rounded to the fen), less
 * <ul>
 *   <li>the whole government amount of an order with a flag (distance, duration, card code) the district did not
 *   clear ({@code FLAGGED});</li>
 *   <li>the whole government amount of an order a call-back found not delivered, half of one found partly delivered
 *   ({@code CALLBACK_NOT_DELIVERED});</li>
 *   <li>when the community's setting {@code callback_extrapolation} is on (in force on the last day of the month): for
 *   each unsampled order, the share of the recorded calls that found it not delivered (a partly delivered one counts
 *   half) times its government amount, rounded to the fen ({@code EXTRAPOLATED}).</li>
 * </ul>
 * Confirming writes the settlement and its lines from the same draft in one statement; the settlement then never
 * changes (V28's trigger) and its orders are in no later draft.
 */
@Repository
class SettlementStore {

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The draft lines of the month for the providers the scope sees (and only {@code :provider} unless
     * {@code :allProviders}); named parameters {@code month}, {@code monthEnd}, {@code provider}, {@code allProviders}
     * and the scope's.
     */
    static String draft(HomeCareScope scope) {
        return """
                WITH providers AS (
                    SELECT p.id FROM home_care_provider p
                    WHERE %s AND (CAST(:allProviders AS boolean) OR p.id = :provider)
                ),
                base AS MATERIALIZED (
                    SELECT o.id AS order_id, o.provider_id, o.community_code, o.amount, o.government_share,
                           round(o.amount * o.government_share, 2) AS gov,
                           (o.flag_distance OR o.flag_duration OR o.flag_code) AND o.flags_cleared_at IS NULL AS flagged,
                           c.outcome, c.order_id IS NOT NULL AS sampled
                    FROM home_care_order o
                    LEFT JOIN home_care_callback c ON c.order_id = o.id
                    WHERE o.month = :month AND o.state IN ('CONFIRMED', 'CALLED_BACK')
                      AND o.provider_id IN (SELECT id FROM providers)
                      AND NOT EXISTS (SELECT 1 FROM home_care_settlement_line l WHERE l.order_id = o.id)
                ),
                share AS MATERIALIZED (
                    SELECT d.provider_id,
                           CASE WHEN count(c.outcome) = 0 THEN 0
                                ELSE (count(*) FILTER (WHERE c.outcome = 'NOT_DELIVERED')
                                      + 0.5 * count(*) FILTER (WHERE c.outcome = 'PARTLY')) / count(c.outcome) END AS share
                    FROM home_care_callback_draw d JOIN home_care_callback c ON c.draw_id = d.id
                    WHERE d.month = :month AND d.provider_id IN (SELECT id FROM providers)
                    GROUP BY d.provider_id
                ),
                settings AS MATERIALIZED (
                    SELECT x.community_code, (home_care_setting_on(x.community_code, :monthEnd)).callback_extrapolation
                               AS extrapolate
                    FROM (SELECT DISTINCT community_code FROM base) x
                ),
                priced AS (
                    SELECT b.*, CASE
                               WHEN b.flagged THEN b.gov
                               WHEN b.outcome = 'NOT_DELIVERED' THEN b.gov
                               WHEN b.outcome = 'PARTLY' THEN round(b.gov / 2, 2)
                               WHEN NOT b.sampled AND st.extrapolate THEN round(b.gov * COALESCE(sh.share, 0), 2)
                               ELSE 0 END AS deduction
                    FROM base b JOIN settings st ON st.community_code = b.community_code
                    LEFT JOIN share sh ON sh.provider_id = b.provider_id
                ),
                draft AS (
                    SELECT p.*, CASE
                               WHEN p.deduction = 0 THEN NULL
                               WHEN p.flagged THEN 'FLAGGED'
                               WHEN p.outcome IN ('NOT_DELIVERED', 'PARTLY') THEN 'CALLBACK_NOT_DELIVERED'
                               ELSE 'EXTRAPOLATED' END AS deduction_reason
                    FROM priced p
                )
                """.formatted(scope.providerCondition("p"));
    }

    private static Map<String, Object> params(HomeCareScope scope, LocalDate month, Long provider) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("month", month);
        params.put("monthEnd", month.plusMonths(1).minusDays(1));
        params.put("provider", provider == null ? -1L : provider);
        params.put("allProviders", provider == null);
        return params;
    }

    /** A provider's month: the confirmed settlement if there is one, else the draft's totals. */
    record Row(long providerId, String providerName, int orders, BigDecimal gross, BigDecimal governmentAmount,
               BigDecimal flagDeduction, BigDecimal callbackDeduction, BigDecimal total, Long settlementId,
               Instant confirmedAt, String confirmedBy, int pendingOrders) {

        public boolean isConfirmed() {
            return settlementId != null;
        }
    }

    /** The query of {@link #month}. */
    static String monthSql(HomeCareScope scope) {
        return draft(scope) + """
                        , totals AS (
                            SELECT provider_id, count(*) AS orders, sum(amount) AS gross, sum(gov) AS gov,
                                   COALESCE(sum(deduction) FILTER (WHERE deduction_reason = 'FLAGGED'), 0) AS flag_d,
                                   COALESCE(sum(deduction) FILTER (WHERE deduction_reason <> 'FLAGGED'), 0) AS callback_d
                            FROM draft GROUP BY provider_id
                        )
                        SELECT p.id, p.name,
                               COALESCE(s.orders, t.orders, 0), COALESCE(s.gross, t.gross, 0),
                               COALESCE(s.government_amount, t.gov, 0), COALESCE(s.flag_deduction, t.flag_d, 0),
                               COALESCE(s.callback_deduction, t.callback_d, 0),
                               COALESCE(s.total, t.gov - t.flag_d - t.callback_d, 0),
                               s.id, s.confirmed_at, s.confirmed_by, CASE WHEN s.id IS NULL THEN 0 ELSE COALESCE(t.orders, 0) END
                        FROM home_care_provider p
                        LEFT JOIN totals t ON t.provider_id = p.id
                        LEFT JOIN home_care_settlement s ON s.provider_id = p.id AND s.month = :month
                        WHERE p.id IN (SELECT id FROM providers) AND (t.provider_id IS NOT NULL OR s.id IS NOT NULL)
                        ORDER BY p.name, p.id
                        """;
    }

    static Map<String, Object> monthParams(HomeCareScope scope, LocalDate month, Long provider) {
        return params(scope, month, provider);
    }

    /** All providers' months the scope sees, in one query: the drafts grouped by provider and the confirmed ones. */
    List<Row> month(HomeCareScope scope, LocalDate month, Long provider) {
        return jdbc.sql(monthSql(scope))
                .params(params(scope, month, provider))
                .query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        (Long) rs.getObject(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getString(11), rs.getInt(12)))
                .list();
    }

    /** A provider the scope sees, with what the statement prints. */
    record Provider(long id, String name, String creditCode, String regionCode, String payeeBank, String payeeAccount) {
    }

    Optional<Provider> provider(HomeCareScope scope, long id) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("id", id);
        return jdbc.sql("""
                        SELECT p.id, p.name, p.credit_code, p.region_code, p.payee_bank, p.payee_account
                        FROM home_care_provider p WHERE p.id = :id AND %s
                        """.formatted(scope.providerCondition("p")))
                .params(params)
                .query((rs, row) -> new Provider(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** One order of a settlement (confirmed or draft), traceable to the order. */
    record Line(long orderId, String elderName, String communityCode, String itemName, LocalDateTime scheduledAt,
                BigDecimal amount, BigDecimal governmentShare, BigDecimal governmentAmount, BigDecimal deduction,
                String deductionReason) {

        public BigDecimal getPayable() {
            return governmentAmount.subtract(deduction);
        }

        public String getReasonKey() {
            return deductionReason == null ? null : "homecare.settlements.reason." + deductionReason;
        }
    }

    private static final String LINE_COLUMNS = """
            e.name, o.community_code, i.name, o.scheduled_at AT TIME ZONE 'Asia/Shanghai'
            """;

    private static Line line(ResultSet rs, int row) throws SQLException {
        return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDateTime.class), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getString(10));
    }

    /** The draft's lines of one provider's month. */
    List<Line> draftLines(HomeCareScope scope, long provider, LocalDate month) {
        return jdbc.sql(draft(scope) + """
                        SELECT d.order_id, %s, d.amount, d.government_share, d.gov, d.deduction, d.deduction_reason
                        FROM draft d JOIN home_care_order o ON o.id = d.order_id JOIN elder e ON e.id = o.elder_id
                        JOIN home_care_item i ON i.id = o.item_id
                        ORDER BY o.community_code, e.name, o.scheduled_at, o.id
                        """.formatted(LINE_COLUMNS))
                .params(params(scope, month, provider))
                .query(SettlementStore::line).list();
    }

    /** The lines of a confirmed settlement. */
    List<Line> confirmedLines(long settlementId) {
        return jdbc.sql("""
                        SELECT l.order_id, %s, l.amount, o.government_share, l.government_amount, l.deduction,
                               l.deduction_reason
                        FROM home_care_settlement_line l JOIN home_care_order o ON o.id = l.order_id
                        JOIN elder e ON e.id = o.elder_id JOIN home_care_item i ON i.id = o.item_id
                        WHERE l.settlement_id = ?
                        ORDER BY o.community_code, e.name, o.scheduled_at, o.id
                        """.formatted(LINE_COLUMNS))
                .param(settlementId)
                .query(SettlementStore::line).list();
    }

    /** The result of a confirmation: the settlement written (null when one existed) and its line count. */
    record Confirmed(Long settlementId, int lines, BigDecimal total) {
    }

    /**
     * Writes the settlement of one provider's month and its lines from the draft, in one statement (so both come from
     * one snapshot); a settlement of the month confirmed before, or meanwhile by another request, makes it write
     * nothing (the unique provider and month).
     */
    Confirmed confirm(HomeCareScope scope, long provider, LocalDate month, String actor) {
        Map<String, Object> params = params(scope, month, provider);
        params.put("actor", actor);
        return jdbc.sql(draft(scope) + """
                        , settlement AS (
                            INSERT INTO home_care_settlement (provider_id, month, orders, gross, government_amount,
                                flag_deduction, callback_deduction, total, confirmed_by)
                            SELECT :provider, :month, count(*), sum(amount), sum(gov),
                                   COALESCE(sum(deduction) FILTER (WHERE deduction_reason = 'FLAGGED'), 0),
                                   COALESCE(sum(deduction) FILTER (WHERE deduction_reason <> 'FLAGGED'), 0),
                                   sum(gov) - sum(deduction), :actor
                            FROM draft HAVING count(*) > 0
                            ON CONFLICT (provider_id, month) DO NOTHING
                            RETURNING id, total
                        ),
                        lines AS (
                            INSERT INTO home_care_settlement_line (settlement_id, order_id, amount, government_amount,
                                deduction, deduction_reason)
                            SELECT s.id, d.order_id, d.amount, d.gov, d.deduction, d.deduction_reason
                            FROM settlement s CROSS JOIN draft d
                            RETURNING 1
                        )
                        SELECT (SELECT id FROM settlement), (SELECT count(*) FROM lines), (SELECT total FROM settlement)
                        """)
                .params(params)
                .query((rs, row) -> new Confirmed((Long) rs.getObject(1), rs.getInt(2), rs.getBigDecimal(3)))
                .single();
    }

    /** A confirmed settlement. */
    record Settlement(long id, long providerId, LocalDate month, int orders, BigDecimal gross,
                      BigDecimal governmentAmount, BigDecimal flagDeduction, BigDecimal callbackDeduction,
                      BigDecimal total, Instant confirmedAt, String confirmedBy, String confirmedByName) {
    }

    Optional<Settlement> settlement(long provider, LocalDate month) {
        return jdbc.sql("""
                        SELECT s.id, s.provider_id, s.month, s.orders, s.gross, s.government_amount, s.flag_deduction,
                               s.callback_deduction, s.total, s.confirmed_at, s.confirmed_by,
                               COALESCE(u.display_name, s.confirmed_by)
                        FROM home_care_settlement s LEFT JOIN app_user u ON u.username = s.confirmed_by
                        WHERE s.provider_id = ? AND s.month = ?
                        """)
                .params(provider, month)
                .query((rs, row) -> new Settlement(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
                        rs.getString(12)))
                .optional();
    }

    /** The display name of a user (the statement's signature lines print real names). */
    String displayName(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional().orElse(username);
    }
}
