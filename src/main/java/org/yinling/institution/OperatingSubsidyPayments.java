package org.yinling.institution;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yinling.payment.OrganisationPayments;

/**
 * The operating subsidy of institutions (seed 004), paid by the batch of the month after: the rate table
 * {@link SubsidyRates#OPERATING} in force for the institution's region on the first day of the month served says
 * which ownerships receive it (PRIVATE by default) and how much; each local resident is paid the rate of their
 * category pro rata by the days they stayed in that month
 * (the day of admission counts, the day a stay ends does not; a transfer is one stay continued). A row per resident:
 * the batch pays one line per institution, the sum of its residents.
 */
@Component
class OperatingSubsidyPayments implements OrganisationPayments {

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    @Override
    public Lines lines(Scope batch) {
        LocalDate month = batch.batchMonth().minusMonths(1);
        return new Lines("""
                WITH m AS (SELECT CAST(:month AS date) AS first, CAST(:next AS date) AS next),
                -- the rate version in force for the institution's community on the first day of the month served
                rated AS (
                    SELECT i.id, rate_version_on('INSTITUTION_OPERATING', i.community_code, m.first) AS version
                    FROM institution i CROSS JOIN m WHERE i.community_code LIKE :communityPattern
                ),
                stays AS (
                    SELECT s.institution_id, s.elder_id, rt.version,
                           sum(LEAST(COALESCE(s.ended_on, m.next), m.next) - GREATEST(s.admitted_on, m.first)) AS days
                    FROM stay s JOIN institution i ON i.id = s.institution_id JOIN rated rt ON rt.id = i.id
                    JOIN rate_version v ON v.id = rt.version CROSS JOIN m
                    WHERE i.ownership = ANY (v.choices)
                      AND s.admitted_on < m.next AND (s.ended_on IS NULL OR s.ended_on > m.first)
                    GROUP BY s.institution_id, s.elder_id, rt.version
                ),
                priced AS (
                    SELECT st.institution_id, st.elder_id, e.name, e.resident_id, r.rate_key AS category,
                           LEAST(st.days, m.next - m.first) AS days,
                           round(r.amount * LEAST(st.days, m.next - m.first) / (m.next - m.first), 2) AS amount
                    FROM stays st JOIN elder e ON e.id = st.elder_id CROSS JOIN m
                    JOIN rate_amount r ON r.version_id = st.version AND r.amount IS NOT NULL AND r.rate_key = CASE e.economic_status
                        WHEN 'EXTREME_POVERTY' THEN 'EXTREME_POVERTY' WHEN 'MINIMUM_LIVING' THEN 'MINIMUM_LIVING'
                        ELSE 'LOCAL' END
                    WHERE e.hukou_local AND st.days > 0
                )
                SELECT 'INSTITUTION' AS payee_kind, i.id AS payee_id, 'OPERATING' AS kind, m.first AS month,
                       i.name AS payee_name, i.community_code, i.payee_bank, i.payee_account,
                       :source || i.id AS source, CAST(NULL AS bigint) AS grant_id, p.amount,
                       p.elder_id, p.name AS elder_name, p.resident_id, p.category, p.days
                FROM priced p JOIN institution i ON i.id = p.institution_id CROSS JOIN m
                """, Map.of("month", month, "next", batch.batchMonth(), "communityPattern", batch.communityPattern(),
                "source", "I" + month.format(YEAR_MONTH) + "-"));
    }
}
