package org.yinling.meal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.Eligibility;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code meal_category}: the lists of the city and of the regions in scope, and the list in force. */
@Repository
class MealCategoryStore {

    private static final String COLUMNS = "c.id, c.position, c.name_zh, c.name_en, c.criteria::text, c.amount";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MealCategoryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A region's list from a date (region null: the city). */
    record CategoryList(String regionCode, String regionName, LocalDate effectiveFrom, List<MealCategory> categories,
                        boolean current) {
    }

    /** The list in force for a community on a day: the most specific region's latest list from on or before it. */
    List<MealCategory> inForce(String communityCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT %s FROM meal_category c
                        JOIN (SELECT region_code, effective_from FROM meal_category
                              WHERE effective_from <= :day AND rate_region_rank(region_code, :community) IS NOT NULL
                              ORDER BY rate_region_rank(region_code, :community) DESC, effective_from DESC LIMIT 1) l
                          ON c.region_code IS NOT DISTINCT FROM l.region_code AND c.effective_from = l.effective_from
                        ORDER BY c.position
                        """.formatted(COLUMNS))
                .param("day", day).param("community", communityCode)
                .query(this::map).list();
    }

    /** The lists of the city and of the scope's regions: by region (the city first), newest first. */
    List<CategoryList> lists(RegionScope scope, LocalDate today) {
        Map<String, CategoryList> lists = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT %s, c.region_code, r.name, c.effective_from,
                               c.effective_from = max(c.effective_from) FILTER (WHERE c.effective_from <= :today)
                                   OVER (PARTITION BY c.region_code)
                        FROM meal_category c LEFT JOIN region r ON r.code = c.region_code
                        WHERE c.region_code IS NULL OR c.region_code LIKE :scope
                        ORDER BY c.region_code NULLS FIRST, c.effective_from DESC, c.position
                        LIMIT 1000
                        """.formatted(COLUMNS))
                .param("today", today).param("scope", scope.likePattern())
                .query(rs -> {
                    String region = rs.getString(7);
                    LocalDate from = rs.getObject(9, LocalDate.class);
                    lists.computeIfAbsent(region + "@" + from, k -> {
                        try {
                            return new CategoryList(region, rs.getString(8), from, new ArrayList<>(), rs.getBoolean(10));
                        }
                        catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).categories().add(map(rs, 0));
                });
        return List.copyOf(lists.values());
    }

    /** A new category of a list from a date. */
    record NewCategory(String nameZh, String nameEn, Eligibility criteria, BigDecimal amount) {
    }

    /** Stores a region's new list; false when the region has a list from that date already. */
    boolean insertList(String regionCode, LocalDate from, List<NewCategory> categories, String actor) {
        Boolean taken = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM meal_category
                                       WHERE region_code IS NOT DISTINCT FROM CAST(:region AS varchar) AND effective_from = :from)
                        """)
                .param("region", regionCode).param("from", from).query(Boolean.class).single();
        if (taken) {
            return false;
        }
        for (int i = 0; i < categories.size(); i++) {
            NewCategory c = categories.get(i);
            jdbc.sql("""
                            INSERT INTO meal_category (region_code, effective_from, position, name_zh, name_en, criteria,
                                amount, created_by)
                            VALUES (:region, :from, :position, :zh, :en, CAST(:criteria AS jsonb), :amount, :actor)
                            """)
                    .param("region", regionCode).param("from", from).param("position", i + 1)
                    .param("zh", c.nameZh()).param("en", c.nameEn()).param("criteria", json.writeValueAsString(c.criteria()))
                    .param("amount", c.amount()).param("actor", actor)
                    .update();
        }
        return true;
    }

    private MealCategory map(ResultSet rs, int row) throws SQLException {
        return new MealCategory(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                json.readValue(rs.getString(5), Eligibility.class), rs.getBigDecimal(6));
    }
}
