package org.yinling.region;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sums over the communities below each of a set of regions, in one query. */
@Component
class RegionStatistics {

    private final JdbcClient jdbc;

    RegionStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Map<String, RegionTotals> totals(Collection<String> codes) {
        Map<String, RegionTotals> totals = new HashMap<>();
        if (codes.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT p.code,
                               count(c.code) AS communities,
                               count(c.code) FILTER (WHERE c.urban_rural_class LIKE '1%') AS urban,
                               coalesce(sum(c.registered_population), 0) AS population
                        FROM region p
                        JOIN region c ON c.level = 'COMMUNITY'
                                     AND c.code LIKE substr(p.code, 1, CASE p.level WHEN 'DISTRICT' THEN 6
                                                                                    WHEN 'STREET' THEN 9
                                                                                    ELSE 12 END) || '%'
                        WHERE p.code IN (:codes)
                        GROUP BY p.code
                        """)
                .param("codes", codes)
                .query((rs, i) -> totals.put(rs.getString("code"),
                        new RegionTotals(rs.getLong("communities"), rs.getLong("urban"), rs.getLong("population"))))
                .list();
        return totals;
    }
}
