package org.yinling.institution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * Institutions for the read API: one statement per page, keyset-paged in the order (community, id); each
 * institution's beds and open stays are counted in the same statement (lateral subqueries on the indexes
 * {@code bed (institution_id, …)} and {@code stay_institution_idx}), never a query per row from here. Institutions
 * are organisations, so their reads are not audited as personal data. The star grade is the one held today (the
 * application's clock): the latest decided rating's grade while valid (index {@code supervision_rating_institution});
 * none when that rating was "not rated" or its validity has ended.
 */
@Service
class InstitutionApiReads {

    /** h: the latest decided rating's grade while it is held today, else none. */
    private static final String SELECT = """
            SELECT i.id, i.name, i.kind, i.ownership, i.operator, i.community_code, i.address, i.contact_name,
                   i.contact_phone, h.grade AS star_level, h.rated_on AS star_rated_on, h.valid_until AS star_valid_until,
                   i.opened_on, i.status, i.medical_arrangement,
                   i.filing_date, i.filing_receipt, b.total, b.nursing, b.reserved, s.occupied, s.occupied_nursing
            FROM institution i
            CROSS JOIN LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE nursing) AS nursing,
                                       count(*) FILTER (WHERE reserved) AS reserved
                                FROM bed WHERE bed.institution_id = i.id) b
            CROSS JOIN LATERAL (SELECT count(*) AS occupied, count(*) FILTER (WHERE bd.nursing) AS occupied_nursing
                                FROM stay st JOIN bed bd ON bd.id = st.bed_id
                                WHERE st.institution_id = i.id AND st.ended_on IS NULL) s
            """ + LatestRating.JOIN + """
            LEFT JOIN LATERAL (SELECT g.rating_grade AS grade, g.rating_rated_on AS rated_on,
                                      g.rating_valid_until AS valid_until
                               WHERE g.rating_valid_until >= :today) h ON TRUE
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    InstitutionApiReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Beds by kind: nursing-type beds (护理型床位) and general ones; {@code reserved}: kept free by the institution. */
    record Beds(int total, int nursing, int general, int reserved) {
    }

    /** Open stays: occupied beds (of them nursing-type), free beds, and the occupied share as a decimal string. */
    record Occupancy(int occupiedBeds, int occupiedNursingBeds, int freeBeds, String rate) {
    }

    /** One institution; codes as in docs/api.md §5. */
    record Item(String id, String name, String kind, String ownership, String operator, String communityCode,
                String address, String contactName, String contactPhone, Integer starLevel, LocalDate starRatedOn,
                LocalDate starValidUntil, LocalDate openedOn, String status, String medicalArrangement, LocalDate filingDate,
                String filingReceipt, Beds beds, Occupancy occupancy) {
    }

    record Page(List<Item> items, Optional<ApiReads.Position> next) {
    }

    @Transactional(readOnly = true)
    Page page(RegionScope scope, Optional<ApiReads.Position> after, int limit) {
        String afterCondition = after.isPresent() ? " AND (i.community_code, i.id) > (:afterCode, :afterId)" : "";
        var statement = jdbc.sql(SELECT + " WHERE " + scope.condition("i.community_code", "scope") + afterCondition
                        + " ORDER BY i.community_code, i.id LIMIT :limit")
                .param("scope", scope.sqlValue())
                .param("today", LocalDate.now(clock))
                .param("limit", limit + 1);
        if (after.isPresent()) {
            statement = statement.param("afterCode", after.get().key()).param("afterId", after.get().id());
        }
        List<Item> items = statement.query((rs, i) -> item(rs)).list();
        Optional<ApiReads.Position> next = Optional.empty();
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Item last = items.get(limit - 1);
            next = Optional.of(new ApiReads.Position(last.communityCode(), Long.parseLong(last.id())));
        }
        return new Page(items, next);
    }

    @Transactional(readOnly = true)
    Optional<Item> one(RegionScope scope, long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id AND " + scope.condition("i.community_code", "scope"))
                .param("id", id)
                .param("scope", scope.sqlValue())
                .param("today", LocalDate.now(clock))
                .query((rs, i) -> item(rs))
                .optional();
    }

    private static Item item(ResultSet rs) throws SQLException {
        int total = rs.getInt("total");
        int nursing = rs.getInt("nursing");
        int occupied = rs.getInt("occupied");
        String rate = total == 0 ? null
                : BigDecimal.valueOf(occupied).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP).toPlainString();
        return new Item(Long.toString(rs.getLong("id")), rs.getString("name"), rs.getString("kind"),
                rs.getString("ownership"), rs.getString("operator"), rs.getString("community_code"),
                rs.getString("address"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getObject("star_level", Integer.class), rs.getObject("star_rated_on", LocalDate.class),
                rs.getObject("star_valid_until", LocalDate.class), rs.getObject("opened_on", LocalDate.class), rs.getString("status"),
                rs.getString("medical_arrangement"), rs.getObject("filing_date", LocalDate.class),
                rs.getString("filing_receipt"),
                new Beds(total, nursing, total - nursing, rs.getInt("reserved")),
                new Occupancy(occupied, rs.getInt("occupied_nursing"), total - occupied, rate));
    }
}
