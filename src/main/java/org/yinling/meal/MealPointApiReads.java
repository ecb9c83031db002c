package org.yinling.meal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/** One statement per page: the served communities are aggregated in it (primary key of meal_point_community). */
@Service
class MealPointApiReads {

    /** One meal point; codes as in docs/api.md §5. */
    record Item(String id, String name, String kind, String operator, String communityCode, String address,
                Integer seats, boolean servesLunch, boolean servesDinner, String licenceNumber,
                LocalDate licenceExpires, LocalDate openedOn, String status, List<String> servedCommunities) {
    }

    private final JdbcClient jdbc;

    MealPointApiReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit + 1} meal points after {@code after}. */
    @Transactional(readOnly = true)
    List<Item> page(RegionScope scope, Optional<ApiReads.Position> after, int limit) {
        String afterCondition = after.isPresent() ? " AND (p.community_code, p.id) > (:afterCode, :afterId)" : "";
        var statement = jdbc.sql("""
                        SELECT p.id, p.name, p.kind, p.operator, p.community_code, p.address, p.seats,
                               p.serves_lunch, p.serves_dinner, p.licence_number, p.licence_expires, p.opened_on,
                               p.status,
                               ARRAY(SELECT c.community_code FROM meal_point_community c
                                     WHERE c.meal_point_id = p.id ORDER BY c.community_code) AS served
                        FROM meal_point p
                        WHERE """ + " " + scope.condition("p.community_code", "scope") + afterCondition
                        + " ORDER BY p.community_code, p.id LIMIT :limit")
                .param("scope", scope.sqlValue())
                .param("limit", limit + 1);
        if (after.isPresent()) {
            statement = statement.param("afterCode", after.get().key()).param("afterId", after.get().id());
        }
        return statement.query((rs, i) -> item(rs)).list();
    }

    private static Item item(ResultSet rs) throws SQLException {
        Array served = rs.getArray("served");
        return new Item(Long.toString(rs.getLong("id")), rs.getString("name"), rs.getString("kind"),
                rs.getString("operator"), rs.getString("community_code"), rs.getString("address"),
                rs.getObject("seats", Integer.class), rs.getBoolean("serves_lunch"),
                rs.getBoolean("serves_dinner"), rs.getString("licence_number"),
                rs.getObject("licence_expires", LocalDate.class), rs.getObject("opened_on", LocalDate.class),
                rs.getString("status"),
                served == null ? List.of() : Arrays.asList((String[]) served.getArray()));
    }
}
