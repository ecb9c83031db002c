package org.yinling.institution;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yinling.payment.OrganisationPayments;

/**
 * Construction grants approved before the batch month: one line each, paid to the institution in the batch's month,
 * once (a grant paid before, and not failed, is not paid again).
 */
@Component
class ConstructionGrantPayments implements OrganisationPayments {

    @Override
    public Lines lines(Scope batch) {
        return new Lines("""
                SELECT 'INSTITUTION' AS payee_kind, i.id AS payee_id, 'CONSTRUCTION' AS kind,
                       CAST(:batchMonth AS date) AS month, i.name AS payee_name, i.community_code, g.amount,
                       i.payee_bank, i.payee_account, 'G' || g.id AS source, g.id AS grant_id,
                       CAST(NULL AS bigint) AS elder_id, CAST(NULL AS text) AS elder_name,
                       CAST(NULL AS text) AS resident_id, CAST(NULL AS text) AS category, CAST(NULL AS integer) AS days
                FROM construction_grant g JOIN institution i ON i.id = g.institution_id
                WHERE g.stage = 'APPROVED' AND g.amount > 0 AND i.community_code LIKE :communityPattern
                  AND g.updated_at < CAST(:nextMonth AS date)
                """, Map.of("batchMonth", batch.batchMonth(), "nextMonth", batch.batchMonth().plusMonths(1),
                "communityPattern", batch.communityPattern()));
    }
}
