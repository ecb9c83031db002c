package org.yinling.meal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yinling.payment.OrganisationPayments;

/**
 * Confirmed meal-point settlements of months before the batch month: one line each, the confirmed total paid to the
 * point's operator once (a month paid before, and not failed, is not paid again).
 */
@Component
class MealSettlementPayments implements OrganisationPayments {

    @Override
    public Lines lines(Scope batch) {
        return new Lines("""
                SELECT 'MEAL_POINT' AS payee_kind, p.id AS payee_id, 'MEAL' AS kind, s.month, p.name AS payee_name,
                       p.community_code, s.total AS amount, p.payee_bank, p.payee_account, 'M' || s.id AS source,
                       CAST(NULL AS bigint) AS grant_id, CAST(NULL AS bigint) AS elder_id, CAST(NULL AS text) AS elder_name,
                       CAST(NULL AS text) AS resident_id, CAST(NULL AS text) AS category, CAST(NULL AS integer) AS days
                FROM meal_settlement s JOIN meal_point p ON p.id = s.meal_point_id
                WHERE s.total > 0 AND s.month < CAST(:batchMonth AS date) AND p.community_code LIKE :communityPattern
                """, Map.of("batchMonth", batch.batchMonth(), "communityPattern", batch.communityPattern()));
    }
}
