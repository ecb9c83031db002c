package org.yinling.institution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code waiting_priority_rule}: the waiting list's priority order per district (region_code NULL: the
 * default of every district), each order holding from its date. The order of a district on a day is its own latest
 * order from that day or before, else the latest default.
 */
@Repository
class WaitingPriorityStore {

    /**
     * The rules (rule, rank) in force on {@code :today} for the district of the code {@code districtSql} (an SQL
     * expression of a 12-digit district code), as a CTE body named by the caller.
     */
    static String rulesInForce(String districtSql) {
        return """
                SELECT r.rule, r.rank FROM waiting_priority_rule r
                JOIN (SELECT r0.region_code, r0.effective_from FROM waiting_priority_rule r0
                      WHERE (r0.region_code IS NULL OR r0.region_code = %s) AND r0.effective_from <= CAST(:today AS date)
                      ORDER BY r0.region_code NULLS LAST, r0.effective_from DESC LIMIT 1) c
                  ON COALESCE(r.region_code, '') = COALESCE(c.region_code, '') AND r.effective_from = c.effective_from
                """.formatted(districtSql);
    }

    /** One order: its district (null for the default), its first day, the rules first to last. */
    record Order(String regionCode, LocalDate effectiveFrom, List<WaitingCategory> rules, String createdBy,
                 Instant createdAt) {
    }

    private final JdbcClient jdbc;

    WaitingPriorityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order in force for the district on the day. */
    Order inForce(String districtCode, LocalDate day) {
        return orders(districtCode).stream().filter(order -> !order.effectiveFrom().isAfter(day))
                .filter(order -> order.regionCode() != null).findFirst()
                .or(() -> orders(districtCode).stream().filter(order -> !order.effectiveFrom().isAfter(day))
                        .filter(order -> order.regionCode() == null).findFirst())
                .orElseGet(() -> new Order(null, LocalDate.of(2000, 1, 1), WaitingCategory.rules(), null, null));
    }

    /** Every order of the district and every default, newest first (the district's before the defaults). */
    List<Order> orders(String districtCode) {
        Map<String, List<Object[]>> grouped = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT region_code, effective_from, rule, created_by, created_at FROM waiting_priority_rule
                        WHERE region_code IS NULL OR region_code = ?
                        ORDER BY region_code NULLS LAST, effective_from DESC, rank
                        """)
                .param(districtCode)
                .query(rs -> {
                    String key = rs.getString("region_code") + "|" + rs.getObject("effective_from", LocalDate.class);
                    grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {rs.getString("region_code"),
                            rs.getObject("effective_from", LocalDate.class), rs.getString("rule"),
                            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()});
                });
        List<Order> orders = new ArrayList<>();
        grouped.values().forEach(rows -> orders.add(new Order((String) rows.get(0)[0], (LocalDate) rows.get(0)[1],
                rows.stream().map(row -> WaitingCategory.valueOf((String) row[2])).toList(), (String) rows.get(0)[3],
                (Instant) rows.get(0)[4])));
        return orders;
    }

    Optional<Order> of(String districtCode, LocalDate effectiveFrom) {
        return orders(districtCode).stream().filter(order -> districtCode.equals(order.regionCode())
                && order.effectiveFrom().equals(effectiveFrom)).findFirst();
    }

    /** Writes the district's order from the day (replacing one of the same district and day): one statement each. */
    void save(String districtCode, LocalDate effectiveFrom, List<WaitingCategory> rules, String actor) {
        jdbc.sql("DELETE FROM waiting_priority_rule WHERE region_code = ? AND effective_from = ?")
                .params(districtCode, effectiveFrom).update();
        jdbc.sql("""
                        INSERT INTO waiting_priority_rule (region_code, effective_from, rule, rank, created_by)
                        SELECT ?, ?, r.rule, r.rank, ? FROM unnest(CAST(? AS varchar[])) WITH ORDINALITY AS r (rule, rank)
                        """)
                .params(districtCode, effectiveFrom, actor, rules.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }
}
