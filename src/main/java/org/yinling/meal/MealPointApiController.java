package org.yinling.meal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/meal-points} (docs/api-read.md): the meal points (助餐点) in the caller's region, cursor-paged in
 * the order (community, id), each with the communities it serves. Scope {@code institutions:read}.
 */
@RestController
class MealPointApiController {

    private static final Pattern KEY = Pattern.compile("[0-9]{12}");

    private final MealPointApiReads reads;

    MealPointApiController(MealPointApiReads reads) {
        this.reads = reads;
    }

    /** One meal point; codes as in docs/api-read.md. */
    record Item(String id, String name, String kind, String operator, String communityCode, String address,
                Integer seats, boolean servesLunch, boolean servesDinner, String licenceNumber,
                LocalDate licenceExpires, LocalDate openedOn, String status, List<String> servedCommunities) {
    }

    @GetMapping("/api/v1/meal-points")
    @PreAuthorize("hasAuthority('SCOPE_institutions:read')")
    ResponseEntity<ApiReads.Page<Item>> list(@AuthenticationPrincipal ApiCaller caller,
                                             @RequestParam(required = false) String cursor,
                                             @RequestParam(required = false) String limit) {
        int size = ApiReads.limit(limit);
        Optional<ApiReads.Position> after = ApiReads.position(cursor, KEY);
        List<Item> items = reads.page(caller.scope(), after, size);
        Optional<ApiReads.Position> next = Optional.empty();
        if (items.size() > size) {
            items = items.subList(0, size);
            Item last = items.get(size - 1);
            next = Optional.of(new ApiReads.Position(last.communityCode(), Long.parseLong(last.id())));
        }
        return ApiReads.answer(items, next);
    }

    /** One statement per page: the served communities are aggregated in it (primary key of meal_point_community). */
    @Service
    static class MealPointApiReads {

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
}
