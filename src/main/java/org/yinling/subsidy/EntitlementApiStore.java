package org.yinling.subsidy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the read API's entitlements (index {@code subsidy_entitlement_elder_idx}). */
@Component
class EntitlementApiStore {

    private final JdbcClient jdbc;

    EntitlementApiStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EntitlementApiReads.Entitlement> ofElder(long elderId) {
        return jdbc.sql("""
                        SELECT s.id, s.policy_code, p.version, p.name, p.kind, s.tier_index, s.amount, s.frequency,
                               s.start_month, s.end_month, s.status, s.stop_reason, s.stopped_at,
                               s.recheck_since IS NOT NULL AS recheck
                        FROM subsidy_entitlement s JOIN subsidy_policy p ON p.id = s.policy_id
                        WHERE s.elder_id = :id
                        ORDER BY s.start_month DESC, s.id DESC
                        """)
                .param("id", elderId)
                .query((rs, i) -> new EntitlementApiReads.Entitlement(Long.toString(rs.getLong("id")),
                        rs.getString("policy_code"), rs.getInt("version"), rs.getString("name"), rs.getString("kind"),
                        rs.getInt("tier_index"), money(rs.getBigDecimal("amount")), rs.getString("frequency"),
                        month(rs.getDate("start_month")), month(rs.getDate("end_month")), rs.getString("status"),
                        rs.getString("stop_reason"), instant(rs.getTimestamp("stopped_at")),
                        rs.getBoolean("recheck")))
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
