package org.yinling.homecare;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yinling.payment.OrganisationPayments;

/**
 * Confirmed provider settlements of months before the batch month: one line each, the confirmed total paid to the
 * provider's account once (a month paid before, and not failed, is not paid again; a failed one is offered again).
 * A provider has no community of its own: the line's community is the first community it serves, else its district.
 */
@Component
class HomeCareSettlementPayments implements OrganisationPayments {

    @Override
    public Lines lines(Scope batch) {
        return new Lines("""
                SELECT 'PROVIDER' AS payee_kind, p.id AS payee_id, 'HOME_CARE' AS kind, s.month, p.name AS payee_name,
                       x.community_code, s.total AS amount, p.payee_bank, p.payee_account, 'H' || s.id AS source,
                       CAST(NULL AS bigint) AS grant_id, CAST(NULL AS bigint) AS elder_id, CAST(NULL AS text) AS elder_name,
                       CAST(NULL AS text) AS resident_id, CAST(NULL AS text) AS category, CAST(NULL AS integer) AS days
                FROM home_care_settlement s JOIN home_care_provider p ON p.id = s.provider_id
                CROSS JOIN LATERAL (
                    SELECT COALESCE((SELECT min(pc.community_code) FROM home_care_provider_community pc
                                     WHERE pc.provider_id = p.id), p.region_code) AS community_code) x
                WHERE s.total > 0 AND s.month < CAST(:batchMonth AS date) AND x.community_code LIKE :communityPattern
                """, Map.of("batchMonth", batch.batchMonth(), "communityPattern", batch.communityPattern()));
    }
}
