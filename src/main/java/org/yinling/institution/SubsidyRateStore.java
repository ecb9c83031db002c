package org.yinling.institution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operating subsidy per resident by category and the construction subsidy per bed by tier. */
@Repository
class SubsidyRateStore {

    private final JdbcClient jdbc;

    SubsidyRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Monthly operating subsidy per resident, by category. */
    Map<String, BigDecimal> operatingRates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        jdbc.sql("SELECT category, amount FROM institution_subsidy_rate").query(rs -> {
            rates.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return rates;
    }

    /** Construction subsidy per bed, by tier name. */
    Map<String, BigDecimal> constructionRates() {
        Map<String, BigDecimal> tiers = new LinkedHashMap<>();
        jdbc.sql("SELECT tier, amount FROM institution_construction_rate").query(rs -> {
            tiers.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return tiers;
    }

    void setOperatingRate(String category, BigDecimal amount, String actor) {
        jdbc.sql("""
                        UPDATE institution_subsidy_rate SET amount = ?, updated_at = now(), updated_by = ?
                        WHERE category = ?
                        """)
                .params(amount, actor, category).update();
    }

    void setConstructionRate(String tier, BigDecimal amount, String actor) {
        jdbc.sql("""
                        UPDATE institution_construction_rate SET amount = ?, updated_at = now(), updated_by = ?
                        WHERE tier = ?
                        """)
                .params(amount, actor, tier).update();
    }
}
