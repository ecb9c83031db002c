package org.yinling.homecare;

import java.math.BigDecimal;
import java.util.List;

/**
 * A service of the catalogue with the district's price in force today (null when none) and its price rows that
 * matter: the one in force per region and those ahead.
 */
public record CatalogueItem(long id, String code, String name, ItemCategory category, ItemUnit unit,
                            int standardMinutes, BigDecimal requiredShare, boolean active, long lockVersion,
                            BigDecimal priceToday, List<PriceRow> prices) {

    /** The required share as a whole percentage (0.80 → 80). */
    public int requiredPercent() {
        return requiredShare.movePointRight(2).intValue();
    }

    /** A price of the item for a region from a date; {@code ahead} when it starts after today. */
    public record PriceRow(long id, String regionCode, java.time.LocalDate effectiveFrom, BigDecimal unitPrice,
                           boolean ahead) {
    }
}
