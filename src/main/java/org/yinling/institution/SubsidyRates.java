package org.yinling.institution;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.yinling.rate.RateTable;

/**
 * The institutions' rate tables (module rate): the monthly operating subsidy per resident by category (seed 004: local
 * 50, 低保 200, 特困 405 yuan), with the ownerships that receive it as the table's setting (PRIVATE unless a region
 * says otherwise: 公建民营 homes run by social operators may qualify locally), and the construction grant per bed by
 * size tier (seed 004 is legible only for the largest: 3000 yuan a bed; the others are for the district to set).
 */
final class SubsidyRates {

    private static final BigDecimal MAX = new BigDecimal("100000");

    static final RateTable OPERATING = new RateTable("INSTITUTION_OPERATING", "institution.rates.operating",
            "institution.rates.operating.help", List.of("LOCAL", "MINIMUM_LIVING", "EXTREME_POVERTY"),
            "institution.rates.", Arrays.stream(Ownership.values()).map(Enum::name).toList(), "institution.ownership.",
            List.of(Ownership.PRIVATE.name()), MAX);

    static final RateTable CONSTRUCTION = new RateTable("CONSTRUCTION", "institution.rates.construction",
            "institution.rates.construction.help", Arrays.stream(GrantTier.values()).map(Enum::name).toList(),
            "grant.tier.", List.of(), "", List.of(), MAX);

    private SubsidyRates() {
    }
}
