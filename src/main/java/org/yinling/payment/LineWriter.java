package org.yinling.payment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.subsidy.Policy;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;

/**
 * The set-based statements that write a batch's lines, one policy version and one street at a time. Every
 * statement ends in {@code ON CONFLICT DO NOTHING}: the unique index (one line per elder, policy and month)
 * makes running a step again (after a crash, or by a second node) write nothing twice.
 *
 * <p>The amount of a month comes from the tier the elder was in on the last day of the month before, so an elder
 * who turns 90 in May is paid the 90+ tier from June, and nothing is back-paid for the difference.
 */
@Component
class LineWriter {

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /** Columns every line statement fills, in this order, from a subquery {@code x}. */
    private static final String INSERT = """
            INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                elder_name, resident_id, community_code, policy_version, tier_index, amount, payee_bank, payee_account,
                reference)
            """;

    private final JdbcClient jdbc;

    LineWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The month's regular lines of one policy version in one street: every entitlement that covers the month. */
    int regular(PaymentBatch batch, Policy policy, String streetPattern) {
        LocalDate month = batch.month();
        SqlFragment tier = RuleCompiler.tierIndex(policy.rule().tiers(), month.minusDays(1));
        SqlFragment amount = RuleCompiler.amountOf("x.tier", policy.rule().tiers());
        List<Object> params = new ArrayList<>();
        params.add(batch.id());
        params.add(month);
        params.add(policy.version());
        params.addAll(amount.params());
        params.add(reference(month, month, "R"));
        params.addAll(tier.params());
        params.addAll(List.of(policy.id(), streetPattern, month, month, month));
        return jdbc.sql(INSERT + """
                        SELECT ?, x.id, x.elder_id, x.policy_id, x.policy_code, ?, 'REGULAR', x.name, x.resident_id,
                            x.community_code, ?, x.tier, %s, x.payee_bank, x.payee_account, ? || x.id
                        FROM (
                            SELECT en.id, en.elder_id, en.policy_id, en.policy_code, e.name, e.resident_id,
                                e.community_code, en.payee_bank, en.payee_account, %s AS tier
                            FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
                            WHERE en.policy_id = ? AND e.community_code LIKE ?
                              AND en.start_month <= ? AND (en.end_month IS NULL OR en.end_month >= ?)
                              AND (e.life_status = 'ACTIVE' OR e.life_status_date >= ?)
                              AND (en.frequency = 'MONTHLY' OR NOT EXISTS (
                                  SELECT 1 FROM payment_line p WHERE p.entitlement_id = en.id AND p.status <> 'FAILED'))
                        ) x
                        WHERE x.tier IS NOT NULL
                        ON CONFLICT DO NOTHING
                        """.formatted(amount.sql(), tier.sql()))
                .params(params).update();
    }

    /**
     * Monthly entitlements of the step without any line (paid, pending or failed) for a month before the batch
     * month: new ones. A failed line is paid again by {@link #carried}, not as back-pay.
     */
    List<NewEntitlement> unpaidBefore(PaymentBatch batch, Policy policy, String streetPattern) {
        return jdbc.sql("""
                        SELECT en.id, en.start_month FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
                        WHERE en.policy_id = ? AND e.community_code LIKE ? AND en.frequency = 'MONTHLY'
                          AND en.start_month <= ?
                          AND NOT EXISTS (SELECT 1 FROM payment_line p WHERE p.entitlement_id = en.id AND p.month < ?)
                        """)
                .params(policy.id(), streetPattern, batch.month(), batch.month())
                .query((rs, row) -> new NewEntitlement(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /**
     * Back-pay of month {@code month} (before the batch month) for the given new entitlements: a month the
     * entitlement covered but whose batch was generated before it existed, or — for a late registration — one of
     * the policy's back-pay months before the entitlement started in which the elder already qualified.
     */
    int backPay(PaymentBatch batch, Policy policy, List<Long> entitlementIds, LocalDate month, boolean covered) {
        LocalDate on = month.minusDays(1);
        SqlFragment tier = covered ? RuleCompiler.tierIndex(policy.rule().tiers(), on)
                : RuleCompiler.qualifyingTier(policy.rule(), on);
        SqlFragment amount = RuleCompiler.amountOf("x.tier", policy.rule().tiers());
        List<Object> params = new ArrayList<>();
        params.add(batch.id());
        params.add(month);
        params.add(policy.version());
        params.addAll(amount.params());
        params.add(reference(batch.month(), month, "B"));
        params.addAll(tier.params());
        params.add(entitlementIds.toArray(Long[]::new));
        params.add(month);
        String coverage;
        if (covered) {
            coverage = "en.start_month <= ? AND (en.end_month IS NULL OR en.end_month >= ?)";
            params.add(month);
        } else {
            coverage = "en.start_month > ? AND en.start_month <= ?";
            params.add(month.plusMonths(policy.backPayMonths()));
        }
        params.add(month);
        return jdbc.sql(INSERT + """
                        SELECT ?, x.id, x.elder_id, x.policy_id, x.policy_code, ?, 'BACK_PAY', x.name, x.resident_id,
                            x.community_code, ?, x.tier, %s, x.payee_bank, x.payee_account, ? || x.id
                        FROM (
                            SELECT en.id, en.elder_id, en.policy_id, en.policy_code, e.name, e.resident_id,
                                e.community_code, en.payee_bank, en.payee_account, %s AS tier
                            FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
                            WHERE en.id = ANY(?) AND %s
                              AND (e.life_status = 'ACTIVE' OR e.life_status_date >= ?)
                        ) x
                        WHERE x.tier IS NOT NULL
                        ON CONFLICT DO NOTHING
                        """.formatted(amount.sql(), tier.sql(), coverage))
                .params(params).update();
    }

    /** Failed lines of the district's earlier batches, paid again with the entitlement's current account. */
    int carried(PaymentBatch batch, String regionPattern) {
        return jdbc.sql(INSERT.replace("reference)", "reference, carried_from_line_id)") + """
                        SELECT ?, f.entitlement_id, f.elder_id, f.policy_id, f.policy_code, f.month, 'CARRIED',
                            e.name, e.resident_id, e.community_code, f.policy_version, f.tier_index, f.amount,
                            en.payee_bank, en.payee_account, ? || f.id, f.id
                        FROM payment_line f
                        JOIN payment_batch b ON b.id = f.batch_id
                        JOIN subsidy_entitlement en ON en.id = f.entitlement_id
                        JOIN elder e ON e.id = f.elder_id
                        WHERE f.status = 'FAILED' AND b.region_code LIKE ? AND b.month < ?
                          AND NOT EXISTS (SELECT 1 FROM payment_line c WHERE c.carried_from_line_id = f.id)
                          -- a policy that now delivers a service budget pays no cash, not even a failed line again
                          AND NOT EXISTS (SELECT 1 FROM subsidy_policy sp
                                          WHERE sp.id = f.policy_id AND sp.delivery = 'SERVICE_BUDGET')
                        ON CONFLICT DO NOTHING
                        """)
                .params(batch.id(), batch.month().format(YEAR_MONTH) + "-C", regionPattern, batch.month())
                .update();
    }

    /**
     * The lines of one source of organisation payments (see {@link OrganisationPayments}), in one statement: the
     * source's rows grouped into lines (a line's amount is the sum of its rows), the lines written once (the unique
     * indexes of {@code payment_payee_line}: a payee, kind and month, or a grant, already paid and not failed gets
     * nothing), and the residents behind each line written with it. A line one of the {@link PaymentHolds} holds is
     * not written: it goes to {@code payment_withheld_line} with its reason, amount and residents instead.
     */
    void organisationLines(PaymentBatch batch, String regionPattern, OrganisationPayments source) {
        organisationLines(batch, regionPattern, source, List.of());
    }

    void organisationLines(PaymentBatch batch, String regionPattern, OrganisationPayments source,
                           List<PaymentHolds> holdSources) {
        OrganisationPayments.Scope scope = new OrganisationPayments.Scope(batch.month(), regionPattern);
        OrganisationPayments.Lines lines = source.lines(scope);
        Map<String, Object> params = new HashMap<>(lines.parameters());
        StringBuilder holds = new StringBuilder();
        for (PaymentHolds holdSource : holdSources) {
            OrganisationPayments.Lines held = holdSource.holds(scope);
            held.parameters().forEach((name, value) -> {
                Object before = params.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    throw new IllegalStateException("parameter " + name + " used by two sources with different values");
                }
            });
            holds.append(holds.isEmpty() ? "" : "\nUNION ALL\n").append("""
                    SELECT h.payee_kind, h.payee_id, h.kind, h.month, h.reason, h.reference_id, h.detail_zh,
                           h.detail_en, h.since FROM (
                    %s
                    ) h
                    """.formatted(held.select()));
        }
        if (holds.isEmpty()) {
            holds.append("""
                    SELECT CAST(NULL AS text) AS payee_kind, CAST(NULL AS bigint) AS payee_id, CAST(NULL AS text) AS kind,
                           CAST(NULL AS date) AS month, CAST(NULL AS text) AS reason, CAST(NULL AS bigint) AS reference_id,
                           CAST(NULL AS text) AS detail_zh, CAST(NULL AS text) AS detail_en, CAST(NULL AS date) AS since
                    WHERE FALSE
                    """);
        }
        params.put("paymentBatchId", batch.id());
        params.put("paymentReferencePrefix", batch.month().format(YEAR_MONTH) + "-");
        jdbc.sql("""
                        WITH offered AS MATERIALIZED (
                            SELECT s.payee_kind, s.payee_id, s.kind, s.month, s.payee_name, s.community_code,
                                   s.payee_bank, s.payee_account, s.grant_id, s.amount,
                                   CAST(:paymentReferencePrefix AS text) || s.source AS reference,
                                   s.elder_id, s.elder_name, s.resident_id, s.category, s.days
                            FROM (
                        %s
                            ) s
                        ),
                        held AS MATERIALIZED (
                            SELECT DISTINCT ON (payee_kind, payee_id, kind, month) * FROM (
                        %s
                            ) hs ORDER BY payee_kind, payee_id, kind, month, since, reference_id
                        ),
                        withheld AS (
                            INSERT INTO payment_withheld_line (batch_id, payee_kind, payee_id, kind, month, payee_name,
                                community_code, residents, amount, reason, reference_id, detail_zh, detail_en, since)
                            SELECT :paymentBatchId, g.payee_kind, g.payee_id, g.kind, g.month, g.payee_name,
                                   g.community_code, g.residents, g.amount, h.reason, h.reference_id, h.detail_zh,
                                   h.detail_en, h.since
                            FROM (SELECT min(o.payee_kind) AS payee_kind, min(o.payee_id) AS payee_id, min(o.kind) AS kind,
                                         min(o.month) AS month, min(o.payee_name) AS payee_name,
                                         min(o.community_code) AS community_code, NULLIF(count(o.elder_id), 0) AS residents,
                                         sum(o.amount) AS amount
                                  FROM offered o GROUP BY o.reference HAVING sum(o.amount) > 0) g
                            JOIN held h ON h.payee_kind = g.payee_kind AND h.payee_id = g.payee_id AND h.kind = g.kind
                                       AND h.month = g.month
                            -- a line paid before is not withheld now (it was not going to be paid again)
                            WHERE NOT EXISTS (
                                SELECT 1 FROM payment_payee_line p
                                WHERE p.kind = g.kind AND p.month = g.month AND p.status <> 'FAILED'
                                  AND CASE g.payee_kind WHEN 'INSTITUTION' THEN p.institution_id
                                          WHEN 'MEAL_POINT' THEN p.meal_point_id ELSE p.provider_id END = g.payee_id)
                            ON CONFLICT DO NOTHING
                        ),
                        lines AS (
                            INSERT INTO payment_payee_line (batch_id, institution_id, meal_point_id, provider_id, kind, month, payee_name,
                                community_code, residents, amount, payee_bank, payee_account, reference, grant_id)
                            SELECT :paymentBatchId,
                                   CASE WHEN min(o.payee_kind) = 'INSTITUTION' THEN min(o.payee_id) END,
                                   CASE WHEN min(o.payee_kind) = 'MEAL_POINT' THEN min(o.payee_id) END,
                                   CASE WHEN min(o.payee_kind) = 'PROVIDER' THEN min(o.payee_id) END,
                                   min(o.kind), min(o.month), min(o.payee_name), min(o.community_code),
                                   NULLIF(count(o.elder_id), 0), sum(o.amount), min(o.payee_bank), min(o.payee_account),
                                   o.reference, min(o.grant_id)
                            FROM offered o
                            WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.payee_kind = o.payee_kind
                                              AND h.payee_id = o.payee_id AND h.kind = o.kind AND h.month = o.month)
                            GROUP BY o.reference
                            HAVING sum(o.amount) > 0
                            ON CONFLICT DO NOTHING
                            RETURNING id, reference
                        )
                        INSERT INTO payment_institution_resident (line_id, elder_id, elder_name, resident_id, category,
                            days, amount)
                        SELECT l.id, o.elder_id, o.elder_name, o.resident_id, o.category, o.days, o.amount
                        FROM lines l JOIN offered o ON o.reference = l.reference
                        WHERE o.elder_id IS NOT NULL
                        """.formatted(lines.select(), holds))
                .params(params)
                .update();
    }

    /** Recalculates the batch's line count and total, over the elders' lines and those paid to organisations. */
    void totals(long batchId) {
        jdbc.sql("""
                        UPDATE payment_batch b SET line_count = t.lines, amount_total = t.total
                        FROM (SELECT count(*) AS lines, COALESCE(sum(amount), 0) AS total FROM (
                                  SELECT amount FROM payment_line WHERE batch_id = ?
                                  UNION ALL
                                  SELECT amount FROM payment_payee_line WHERE batch_id = ?) a) t
                        WHERE b.id = ?
                        """)
                .params(batchId, batchId, batchId).update();
    }

    /** Prefix of a line's reference: batch month, paid month and kind, followed by the entitlement id. */
    private static String reference(LocalDate batchMonth, LocalDate paidMonth, String kind) {
        return batchMonth.format(YEAR_MONTH) + "-" + kind + (kind.equals("R") ? "" : paidMonth.format(YEAR_MONTH)) + "-";
    }

    record NewEntitlement(long id, LocalDate startMonth) {
    }
}
