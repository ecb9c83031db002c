package org.yinling.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ApiCaller;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * The payment lines of a month for the read API, keyset-paged in the order (batch, community, line id) that the index
 * {@code payment_line_batch_idx (batch_id, community_code, id)} serves; the batches of the month are few (one per
 * district). Each page with lines is one audit row {@code API_PAYMENTS_READ} (client, month, number of lines), in the
 * transaction of the read, like the elder list's.
 */
@Service
class PaymentApiReads {

    static final String ACTION = "API_PAYMENTS_READ";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PaymentApiReads(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One payment line: {@code month} is the month paid for (earlier than the batch's month for back pay and carried
     * lines), {@code amount} a decimal string, codes as in docs/api-read.md. Bank accounts are not part of it.
     */
    record Line(String id, String batchId, String batchMonth, String batchState, String elderId, String residentId,
                boolean residentIdMasked, String elderName, String communityCode, String policyCode,
                int policyVersion, int tier, String month, String kind, String amount, String status,
                String failureReason, Instant settledAt, String reference) {
    }

    record Page(List<Line> items, Optional<ApiReads.Position> next) {
    }

    @Transactional
    Page page(ApiCaller caller, YearMonth month, Optional<ApiReads.Position> after, int limit) {
        RegionScope scope = caller.scope();
        boolean full = caller.readsFullIds();
        Map<String, Object> params = new HashMap<>();
        params.put("month", java.sql.Date.valueOf(month.atDay(1)));
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
        List<Line> lines = jdbc.sql("""
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
                .query((rs, i) -> new Line(Long.toString(rs.getLong("id")), Long.toString(rs.getLong("batch_id")),
                        month(rs.getDate("batch_month")), rs.getString("state"),
                        Long.toString(rs.getLong("elder_id")),
                        full ? rs.getString("resident_id") : ResidentId.mask(rs.getString("resident_id")), !full,
                        rs.getString("elder_name"), rs.getString("community_code"), rs.getString("policy_code"),
                        rs.getInt("policy_version"), rs.getInt("tier_index"), month(rs.getDate("month")),
                        rs.getString("kind"), money(rs.getBigDecimal("amount")), rs.getString("status"),
                        rs.getString("failure_reason"), instant(rs.getTimestamp("settled_at")),
                        rs.getString("reference")))
                .list();
        Optional<ApiReads.Position> next = Optional.empty();
        if (lines.size() > limit) {
            lines = lines.subList(0, limit);
            Line last = lines.get(limit - 1);
            next = Optional.of(new ApiReads.Position(last.batchId() + "-" + last.communityCode(),
                    Long.parseLong(last.id())));
        }
        if (!lines.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("month", month.toString());
            details.put("records", lines.size());
            details.put("fullIds", full);
            details.put("firstId", lines.get(0).id());
            details.put("lastId", lines.get(lines.size() - 1).id());
            audit.record(ACTION, "payment_line", null, details);
        }
        return new Page(lines, next);
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
