package org.yinling.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * The SQL of the read API's payment lines: keyset-paged in the order (batch, community, line id) that the index
 * {@code payment_line_batch_idx (batch_id, community_code, id)} serves; the batches of a month are few (one per
 * district).
 */
@Component
class PaymentApiStore {

    private final JdbcClient jdbc;

    PaymentApiStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit + 1} lines of the month's batches in {@code scope}, after {@code after}. */
    List<PaymentApiReads.Line> lines(RegionScope scope, boolean full, YearMonth month,
                                     Optional<ApiReads.Position> after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("month", Date.valueOf(month.atDay(1)));
        params.put("scope", scope.sqlValue());
        params.put("limit", limit + 1);
        String afterCondition = "";
        if (after.isPresent()) {
            String[] key = after.get().key().split("-");
            afterCondition = " AND (l.batch_id, l.community_code, l.id) > (:afterBatch, :afterCode, :afterId)";
            params.put("afterBatch", Long.parseLong(key[0]));
            params.put("afterCode", key[1]);
            params.put("afterId", after.get().id());
        }
        return jdbc.sql("""
                        SELECT l.id, l.batch_id, b.month AS batch_month, b.state, l.elder_id, l.resident_id,
                               l.elder_name, l.community_code, l.policy_code, l.policy_version, l.tier_index, l.month,
                               l.kind, l.amount, l.status, l.failure_reason, l.settled_at, l.reference
                        FROM payment_batch b JOIN payment_line l ON l.batch_id = b.id
                        WHERE b.month = :month AND b.state NOT IN ('GENERATING', 'DISCARDED')
                          AND """ + " " + scope.condition("l.community_code", "scope") + afterCondition + """

                        ORDER BY l.batch_id, l.community_code, l.id
                        LIMIT :limit
                        """)
                .params(params)
                .withFetchSize(limit + 1)
                .query((rs, i) -> new PaymentApiReads.Line(Long.toString(rs.getLong("id")),
                        Long.toString(rs.getLong("batch_id")), month(rs.getDate("batch_month")), rs.getString("state"),
                        Long.toString(rs.getLong("elder_id")),
                        full ? rs.getString("resident_id") : ResidentId.mask(rs.getString("resident_id")), !full,
                        rs.getString("elder_name"), rs.getString("community_code"), rs.getString("policy_code"),
                        rs.getInt("policy_version"), rs.getInt("tier_index"), month(rs.getDate("month")),
                        rs.getString("kind"), money(rs.getBigDecimal("amount")), rs.getString("status"),
                        rs.getString("failure_reason"), instant(rs.getTimestamp("settled_at")),
                        rs.getString("reference")))
                .list();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    private static String month(Date date) {
        return date == null ? null : YearMonth.from(date.toLocalDate()).toString();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
