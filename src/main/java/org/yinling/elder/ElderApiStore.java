package org.yinling.elder;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.account.PersonalData;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * The SQL of the read API's elder routes (docs/api.md §5). The list is keyset-paged in the order (community code,
 * id), which the index {@code elder_community_idx (community_code, id)} serves for any region scope: a range scan
 * that starts after the cursor's position and stops after one page, never an OFFSET and never a query per row.
 */
@Component
class ElderApiStore {

    private static final String COLUMNS = """
            SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.ethnicity, e.phone, e.hukou_region_code,
                   e.hukou_local, e.community_code, e.address, e.living_arrangement, e.solitary, e.lost_only_child,
                   e.left_behind, e.only_child_disabled, e.special_care_recipient, e.serious_illness,
                   e.economic_status, e.income_per_person, e.disability_category, e.disability_level, e.life_status,
                   e.life_status_date, e.capability_level, e.assessment_valid_until, e.updated_at
            FROM elder e
            """;

    private final JdbcClient jdbc;

    ElderApiStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of the list: a region inside the caller's (already narrowed), a change time, a life status. */
    record ListFilter(RegionScope scope, Instant updatedSince, LifeStatus lifeStatus) {
    }

    /** Up to {@code limit + 1} elders after {@code after} (the extra one tells that a next page exists). */
    List<ElderApiView.Elder> page(ListFilter filter, Optional<ApiReads.Position> after, int limit, boolean fullIds) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(filter.scope().condition("e.community_code", "scope"));
        params.put("scope", filter.scope().sqlValue());
        after.ifPresent(position -> {
            where.add("(e.community_code, e.id) > (:afterCode, :afterId)");
            params.put("afterCode", position.key());
            params.put("afterId", position.id());
        });
        if (filter.updatedSince() != null) {
            where.add("e.updated_at >= :since");
            params.put("since", Timestamp.from(filter.updatedSince()));
        }
        if (filter.lifeStatus() != null) {
            where.add("e.life_status = :life");
            params.put("life", filter.lifeStatus().name());
        }
        return jdbc.sql(COLUMNS + " WHERE " + String.join(" AND ", where)
                        + " ORDER BY e.community_code, e.id LIMIT :limit")
                .params(params)
                .param("limit", limit + 1)
                .withFetchSize(limit + 1)
                .query((rs, i) -> elder(rs, fullIds))
                .list();
    }

    /** One elder inside {@code scope}. */
    Optional<ElderApiView.Elder> find(long id, RegionScope scope, boolean fullIds) {
        return jdbc.sql(COLUMNS + " WHERE e.id = :id AND " + scope.condition("e.community_code", "scope"))
                .param("id", id)
                .param("scope", scope.sqlValue())
                .query((rs, i) -> elder(rs, fullIds))
                .optional();
    }

    /** Whether an elder is inside {@code scope}. */
    boolean visible(long id, RegionScope scope) {
        return jdbc.sql("SELECT count(*) FROM elder e WHERE e.id = :id AND " + scope.condition("e.community_code", "scope"))
                .param("id", id)
                .param("scope", scope.sqlValue())
                .query(Integer.class).single() == 1;
    }

    /** The elder's assessments, newest first (the index {@code assessment_elder_idx}). */
    List<ElderApiView.Assessment> assessments(long elderId) {
        return jdbc.sql("""
                        SELECT a.id, a.standard, a.assessed_on, a.reason, a.total, a.base_level, a.level, a.coma,
                               a.dementia, a.risk_events, a.valid_until, a.reviews_id, a.review_cause
                        FROM assessment a
                        WHERE a.elder_id = :id
                        ORDER BY a.assessed_on DESC, a.id DESC
                        """)
                .param("id", elderId)
                .query((rs, i) -> new ElderApiView.Assessment(
                        Long.toString(rs.getLong("id")), rs.getString("standard"),
                        rs.getObject("assessed_on", LocalDate.class), rs.getString("reason"), rs.getInt("total"),
                        rs.getInt("base_level"), rs.getInt("level"), rs.getBoolean("coma"), rs.getBoolean("dementia"),
                        rs.getInt("risk_events"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("reviews_id") == null ? null : Long.toString(rs.getLong("reviews_id")),
                        rs.getString("review_cause")))
                .list();
    }

    private static ElderApiView.Elder elder(ResultSet rs, boolean fullIds) throws SQLException {
        String residentId = rs.getString("resident_id");
        String phone = rs.getString("phone");
        BigDecimal income = rs.getBigDecimal("income_per_person");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new ElderApiView.Elder(
                Long.toString(rs.getLong("id")),
                fullIds ? residentId : ResidentId.mask(residentId),
                !fullIds,
                rs.getString("name"),
                rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("ethnicity"),
                fullIds ? phone : PersonalData.maskPhone(phone),
                rs.getString("hukou_region_code"),
                rs.getBoolean("hukou_local"),
                rs.getString("community_code"),
                rs.getString("address"),
                rs.getString("living_arrangement"),
                rs.getBoolean("solitary"),
                rs.getBoolean("lost_only_child"),
                rs.getBoolean("left_behind"),
                rs.getBoolean("only_child_disabled"),
                rs.getBoolean("special_care_recipient"),
                rs.getBoolean("serious_illness"),
                rs.getString("economic_status"),
                income == null ? null : income.setScale(2).toPlainString(),
                rs.getString("disability_category"),
                rs.getObject("disability_level", Integer.class),
                rs.getString("life_status"),
                rs.getObject("life_status_date", LocalDate.class),
                rs.getObject("capability_level", Integer.class),
                rs.getObject("assessment_valid_until", LocalDate.class),
                updated == null ? null : updated.toInstant());
    }
}
