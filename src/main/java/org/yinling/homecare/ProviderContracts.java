package org.yinling.homecare;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a provider takes orders for a community on a day: it is active, its contract covers the day and it serves
 * the community. The same rule as a SQL condition ({@link #TAKES_ORDERS}) for set-based work.
 */
@Component
class ProviderContracts {

    /**
     * The rule as a condition on a provider under the alias {@code p}, with the community and the day given as the
     * SQL expressions {@code :community} and {@code :day} (replace them, e.g. with {@code o.community_code} and
     * {@code CAST(o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date)}, through {@link #takesOrders(String, String, String)}).
     */
    static final String TAKES_ORDERS = """
            (p.status = 'ACTIVE' AND p.contract_from <= :day AND p.contract_to >= :day
             AND EXISTS (SELECT 1 FROM home_care_provider_community pc
                         WHERE pc.provider_id = p.id AND pc.community_code = :community))""";

    private final JdbcClient jdbc;

    ProviderContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #TAKES_ORDERS} with the provider's alias and the community's and day's SQL expressions. */
    static String takesOrders(String providerAlias, String community, String day) {
        // "p." occurs only as the provider's alias in the rule (the served communities are "pc.")
        return TAKES_ORDERS.replace("p.", providerAlias + ".").replace(":community", community).replace(":day", day);
    }

    /** Whether the provider takes orders for an elder of the community on the day. */
    boolean takesOrders(long providerId, String communityCode, LocalDate day) {
        return jdbc.sql("SELECT count(*) > 0 FROM home_care_provider p WHERE p.id = :provider AND " + TAKES_ORDERS)
                .param("provider", providerId).param("community", communityCode).param("day", day)
                .query(Boolean.class).single();
    }
}
