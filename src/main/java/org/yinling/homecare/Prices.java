package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The price of a service for an elder of a community on a day: the most specific region's price (community, street,
 * district) with the latest effective date on or before the day ({@code home_care_price_on}, V28).
 */
@Component
class Prices {

    private final JdbcClient jdbc;

    Prices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit price, or null when no price is in force. */
    BigDecimal priceOn(long itemId, String communityCode, LocalDate day) {
        return jdbc.sql("SELECT home_care_price_on(:item, :community, :day)")
                .param("item", itemId).param("community", communityCode).param("day", day)
                .query((rs, row) -> Optional.ofNullable(rs.getBigDecimal(1))).single().orElse(null);
    }
}
