package org.yinling.homecare;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a provider takes orders for a community on a day: it is active, its contract covers the day and it serves
 * the community. The same rule as a SQL condition ({@link #takesOrders(String, String, String)}) for set-based work.
 */
@Component
class ProviderContracts {

    private final JdbcClient jdbc;

    ProviderContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rule as a SQL condition on a provider row under the given alias, with the community and the day as SQL
     * expressions (e.g. {@code o.community_code}, a named parameter): the one rule for pages, plans, generation and
     * dispatch.
     */
    static String takesOrders(String provider, String community, String day) {
        return ("(%1$s.status = 'ACTIVE' AND %1$s.contract_from <= %3$s AND %1$s.contract_to >= %3$s"
                + " AND EXISTS (SELECT 1 FROM home_care_provider_community tpc WHERE tpc.provider_id = %1$s.id"
                + " AND tpc.community_code = %2$s))").formatted(provider, community, day);
    }

    /** Whether the provider takes orders for an elder of the community on the day. */
    boolean takesOrders(long providerId, String communityCode, LocalDate day) {
        return jdbc.sql("SELECT count(*) > 0 FROM home_care_provider p WHERE p.id = :provider AND "
                        + takesOrders("p", ":community", ":day"))
                .param("provider", providerId).param("community", communityCode).param("day", day)
                .query(Boolean.class).single();
    }
}
