package org.yinling.elder;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;

/**
 * The registry search as one SQL statement (and one count) over the elder table, always restricted to the user's
 * region (narrowed to the street and community chosen, {@link RegionScope#narrowedTo}). Conditions are fixed fragments
 * (the text field's is {@link ElderTextSearch}'s, shared with the other pages that find elders); every value travels
 * as a bind parameter. Each condition has an index that serves it at city scale (see V4__elders.sql, V8 and
 * docs/performance.md).
 */
@Component
class ElderQueries {

    /** Whitelisted orderings; each ends in the id so that paging is stable. */
    static final Map<String, String> SORTS = Map.of(
            "newest", "e.id DESC",
            "name", "e.name COLLATE \"C\", e.id",
            "oldest", "e.birth_date, e.id",
            "youngest", "e.birth_date DESC, e.id DESC");

    private static final String SELECT_ROWS = """
            SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.community_code, e.living_arrangement,
                   e.economic_status, e.capability_level, e.life_status, e.life_status_date
            FROM elder e""";
    private static final String SELECT_EXPORT = """
            SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.community_code, e.living_arrangement,
                   e.economic_status, e.capability_level, e.life_status, e.phone, e.hukou_local, e.address,
                   e.solitary, e.lost_only_child, e.income_per_person, e.life_status_date, e.disability_category,
                   e.disability_level, e.left_behind, e.only_child_disabled, e.special_care_recipient, e.serious_illness
            FROM elder e""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ElderQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<ElderRow> search(ElderSearch search, RegionScope scope) {
        Optional<Filter> chosen = filter(search, scope);
        PageRequest pageable = PageRequest.of(search.pageNumber(), ElderSearch.PAGE_SIZE);
        if (chosen.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        Filter filter = chosen.get();
        long total = filter.onlyScopeAndLifeStatus() ? tally(filter.scope(), search.life()) : jdbc.sql(
                "SELECT count(*) FROM elder e" + filter.where()).params(filter.params()).query(Long.class).single();
        List<ElderRow> rows = jdbc.sql(SELECT_ROWS + filter.where() + " ORDER BY " + SORTS.get(search.sortKey())
                        + " LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, i) -> row(rs, filter.today()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Every row of a search, in the search's order, handed to {@code sink} one at a time as the database sends
     * them (a cursor, not a list): for exports of any size.
     */
    @Transactional(readOnly = true)
    long forEach(ElderSearch search, RegionScope scope, Consumer<ExportRow> sink) {
        Optional<Filter> chosen = filter(search, scope);
        if (chosen.isEmpty()) {
            return 0;
        }
        Filter filter = chosen.get();
        long[] count = {0};
        jdbc.sql(SELECT_EXPORT + filter.where() + " ORDER BY " + SORTS.get(search.sortKey()))
                .params(filter.params())
                .withFetchSize(2_000)
                .query(rs -> {
                    sink.accept(exportRow(rs, filter.today()));
                    count[0]++;
                });
        return count[0];
    }

    /**
     * The WHERE clause of a search inside a scope (narrowed to the street and community chosen), and its bind values;
     * empty when the street or community chosen lies outside the scope or each other (no rows).
     */
    private Optional<Filter> filter(ElderSearch search, RegionScope userScope) {
        Optional<RegionScope> narrowed = userScope.narrowedTo(search.street(), search.community());
        if (narrowed.isEmpty()) {
            return Optional.empty();
        }
        RegionScope scope = narrowed.get();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(scope.condition("e.community_code", "scope"));
        params.put("scope", scope.sqlValue());
        ElderTextSearch.of(search.q()).ifPresent(text -> {
            where.add(text.condition("e"));
            params.putAll(text.params());
        });
        LocalDate today = LocalDate.now(clock);
        if (search.ageMin() != null) {
            where.add("e.birth_date <= :bornBy");
            params.put("bornBy", today.minusYears(search.ageMin()));
        }
        if (search.ageMax() != null) {
            where.add("e.birth_date > :bornAfter");
            params.put("bornAfter", today.minusYears(search.ageMax() + 1L));
        }
        addEquals("e.living_arrangement", "living", search.living(), where, params);
        addEquals("e.economic_status", "economic", search.economic(), where, params);
        addEquals("e.capability_level", "level", search.level(), where, params);
        addEquals("e.life_status", "life", search.life(), where, params);
        boolean onlyScopeAndLifeStatus = where.size() == (search.life() == null ? 1 : 2);
        return Optional.of(new Filter(scope, " WHERE " + String.join(" AND ", where), params, today,
                onlyScopeAndLifeStatus));
    }

    private record Filter(RegionScope scope, String where, Map<String, Object> params, LocalDate today,
                          boolean onlyScopeAndLifeStatus) {
    }

    /** The number of elders in a region (of one life status), from the tally the triggers of V8 keep. */
    private long tally(RegionScope scope, LifeStatus life) {
        return jdbc.sql("""
                        SELECT coalesce(sum(elders), 0) FROM elder_tally
                        WHERE community_code LIKE :scope AND (CAST(:life AS varchar) IS NULL OR life_status = :life)
                        """)
                .param("scope", scope.likePattern())
                .param("life", life == null ? null : life.name())
                .query(Long.class).single();
    }

    private static ElderRow row(ResultSet rs, LocalDate today) throws SQLException {
        return new ElderRow(rs.getLong("id"), ResidentId.mask(rs.getString("resident_id")),
                rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                LifeStatus.ageOn(rs.getObject("birth_date", LocalDate.class),
                        LifeStatus.valueOf(rs.getString("life_status")), rs.getObject("life_status_date", LocalDate.class),
                        today),
                rs.getString("community_code"),
                LivingArrangement.valueOf(rs.getString("living_arrangement")),
                EconomicStatus.valueOf(rs.getString("economic_status")),
                rs.getObject("capability_level", Integer.class),
                LifeStatus.valueOf(rs.getString("life_status")));
    }

    private static ExportRow exportRow(ResultSet rs, LocalDate today) throws SQLException {
        return new ExportRow(row(rs, today), rs.getString("resident_id"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("phone"), rs.getBoolean("hukou_local"), rs.getString("address"), rs.getBoolean("solitary"),
                rs.getBoolean("lost_only_child"), rs.getBigDecimal("income_per_person"),
                rs.getObject("life_status_date", LocalDate.class),
                rs.getString("disability_category") == null ? null : DisabilityCategory.valueOf(rs.getString("disability_category")),
                rs.getObject("disability_level", Integer.class), rs.getBoolean("left_behind"),
                rs.getBoolean("only_child_disabled"), rs.getBoolean("special_care_recipient"),
                rs.getBoolean("serious_illness"));
    }

    private static void addEquals(String column, String name, Object value, List<String> where,
                                  Map<String, Object> params) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}
