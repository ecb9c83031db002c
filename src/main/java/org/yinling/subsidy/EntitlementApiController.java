package org.yinling.subsidy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.ApiCaller;
import org.yinling.elder.ElderScope;
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/elders/{id}/entitlements} (docs/api-read.md): an elder's subsidy entitlements, newest first,
 * for a client with {@code elders:read} whose region holds the elder (404 otherwise, whether or not it exists
 * elsewhere). Payee bank accounts are not part of the answer.
 */
@RestController
class EntitlementApiController {

    private final EntitlementApiReads reads;

    EntitlementApiController(EntitlementApiReads reads) {
        this.reads = reads;
    }

    /** One entitlement: months are {@code YYYY-MM}, the amount a decimal string, codes as in docs/api-read.md. */
    record Entitlement(String id, String policyCode, int policyVersion, String policyName, String policyKind,
                       int tier, String amount, String frequency, String startMonth, String endMonth, String status,
                       String stopReason, Instant stoppedAt, boolean recheckPending) {
    }

    @GetMapping("/api/v1/elders/{id}/entitlements")
    @PreAuthorize("hasAuthority('SCOPE_elders:read')")
    List<Entitlement> entitlements(@AuthenticationPrincipal ApiCaller caller, @PathVariable String id) {
        return reads.of(caller, ApiReads.recordId(id));
    }

    /** Checks the elder against the caller's region, then reads. */
    @Service
    static class EntitlementApiReads {

        private final ElderScope elders;
        private final EntitlementApiStore store;

        EntitlementApiReads(ElderScope elders, EntitlementApiStore store) {
            this.elders = elders;
            this.store = store;
        }

        @Transactional(readOnly = true)
        List<Entitlement> of(ApiCaller caller, long elderId) {
            try {
                elders.requireVisible(elderId, caller.scope());
            }
            catch (ResponseStatusException outside) {
                throw ApiReads.notFound();
            }
            return store.ofElder(elderId);
        }
    }

    /** The SQL (index {@code subsidy_entitlement_elder_idx}). */
    @Component
    static class EntitlementApiStore {

        private final JdbcClient jdbc;

        EntitlementApiStore(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        List<Entitlement> ofElder(long elderId) {
            return jdbc.sql("""
                            SELECT s.id, s.policy_code, p.version, p.name, p.kind, s.tier_index, s.amount, s.frequency,
                                   s.start_month, s.end_month, s.status, s.stop_reason, s.stopped_at,
                                   s.recheck_since IS NOT NULL AS recheck
                            FROM subsidy_entitlement s JOIN subsidy_policy p ON p.id = s.policy_id
                            WHERE s.elder_id = :id
                            ORDER BY s.start_month DESC, s.id DESC
                            """)
                    .param("id", elderId)
                    .query((rs, i) -> new Entitlement(Long.toString(rs.getLong("id")), rs.getString("policy_code"),
                            rs.getInt("version"), rs.getString("name"), rs.getString("kind"), rs.getInt("tier_index"),
                            money(rs.getBigDecimal("amount")), rs.getString("frequency"),
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
}
