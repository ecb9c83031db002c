package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue and its prices per region and date (the district's regions only). */
@Repository
class CatalogueStore {

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every item with the district's price in force today and, for the district's regions, the row in force today
     * per region and the rows ahead.
     */
    List<CatalogueItem> items(String districtCode, LocalDate today) {
        String prefix = districtCode.substring(0, 6) + "%";
        Map<Long, List<CatalogueItem.PriceRow>> prices = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, item_id, region_code, effective_from, unit_price, effective_from > :today FROM (
                            SELECT pr.*, row_number() OVER (PARTITION BY item_id, region_code, effective_from <= :today
                                                            ORDER BY effective_from DESC) AS n
                            FROM home_care_price pr WHERE pr.region_code LIKE :prefix) ranked
                        WHERE effective_from > :today OR n = 1
                        ORDER BY item_id, length(rtrim(region_code, '0')), region_code, effective_from
                        """)
                .param("today", today).param("prefix", prefix)
                .query(rs -> {
                    prices.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new CatalogueItem.PriceRow(
                            rs.getLong(1), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                            rs.getBoolean(6)));
                });
        return jdbc.sql("""
                        SELECT i.id, i.code, i.name, i.category, i.unit, i.standard_minutes, i.required_share, i.active,
                               i.lock_version,
                               (SELECT pr.unit_price FROM home_care_price pr
                                WHERE pr.item_id = i.id AND pr.region_code = :district AND pr.effective_from <= :today
                                ORDER BY pr.effective_from DESC LIMIT 1)
                        FROM home_care_item i ORDER BY i.active DESC, i.category, i.code
                        """)
                .param("district", districtCode).param("today", today)
                .query((rs, row) -> new CatalogueItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ItemCategory.valueOf(rs.getString(4)), ItemUnit.valueOf(rs.getString(5)), rs.getInt(6),
                        rs.getBigDecimal(7), rs.getBoolean(8), rs.getLong(9), rs.getBigDecimal(10),
                        prices.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    Optional<CatalogueItem> find(long id) {
        return jdbc.sql("""
                        SELECT id, code, name, category, unit, standard_minutes, required_share, active, lock_version
                        FROM home_care_item WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> new CatalogueItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ItemCategory.valueOf(rs.getString(4)), ItemUnit.valueOf(rs.getString(5)), rs.getInt(6),
                        rs.getBigDecimal(7), rs.getBoolean(8), rs.getLong(9), null, List.of()))
                .optional();
    }

    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("SELECT count(*) > 0 FROM home_care_item WHERE code = :code AND id <> :id")
                .param("code", code).param("id", exceptId == null ? -1L : exceptId).query(Boolean.class).single();
    }

    long insert(ItemForm f, String actor) {
        return jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, required_share, active,
                                                    updated_by)
                        VALUES (:code, :name, :category, :unit, :minutes, :share, :active, :actor) RETURNING id
                        """)
                .param("code", f.code()).param("name", f.name().strip()).param("category", f.category().name())
                .param("unit", f.unit().name()).param("minutes", f.standardMinutes()).param("share", f.requiredShare())
                .param("active", !Boolean.FALSE.equals(f.active())).param("actor", actor)
                .query(Long.class).single();
    }

    /** False when the item changed since the form's version was read. */
    boolean update(long id, ItemForm f, String actor) {
        return jdbc.sql("""
                        UPDATE home_care_item SET code = :code, name = :name, category = :category, unit = :unit,
                            standard_minutes = :minutes, required_share = :share, active = :active, updated_by = :actor,
                            updated_at = now(), lock_version = lock_version + 1
                        WHERE id = :id AND lock_version = :version
                        """)
                .param("code", f.code()).param("name", f.name().strip()).param("category", f.category().name())
                .param("unit", f.unit().name()).param("minutes", f.standardMinutes()).param("share", f.requiredShare())
                .param("active", Boolean.TRUE.equals(f.active())).param("actor", actor)
                .param("id", id).param("version", f.version() == null ? -1L : f.version())
                .update() == 1;
    }

    /** False when the item has a price for the region from that date already. */
    boolean addPrice(long itemId, String regionCode, LocalDate from, BigDecimal price, String actor) {
        return jdbc.sql("""
                        INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                        VALUES (:item, :region, :from, :price, :actor)
                        ON CONFLICT (item_id, region_code, effective_from) DO NOTHING
                        """)
                .param("item", itemId).param("region", regionCode).param("from", from).param("price", price)
                .param("actor", actor)
                .update() == 1;
    }
}
