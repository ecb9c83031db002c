package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * The settings behind the indicators (table indicator_setting, V44), per region with effective dates like the
 * targets: a region takes its own row, else its nearest ancestor's, else the default (a row without region).
 */
@Component
class IndicatorSettings {

    /** What can be set; the defaults are the seeds' (V44 inserts them with their sources). */
    enum Setting {
        /** 1: 城乡分类 112 城乡结合区 counts as central urban for day-care coverage; 0: it does not */
        FRINGE_IS_CENTRAL("0"),
        /** an institution is 护理型 when its nursing beds are at least this share of its beds */
        NURSING_INSTITUTION_SHARE("0.5"),
        /** staff the district guidance centre adds (seed 002: 2) */
        STAFF_DISTRICT("2"),
        /** the ageing ratio from which a street centre needs STAFF_STREET_FROM (seed 002: 20 %) */
        STAFF_AGING_THRESHOLD("0.20"),
        STAFF_STREET_BELOW("1"),
        STAFF_STREET_FROM("2"),
        /** government-purchased-service elders from which a community station needs one of its own (seed 002: 100) */
        STAFF_COMMUNITY_ELDERS("100");

        private final BigDecimal fallback;

        Setting(String fallback) {
            this.fallback = new BigDecimal(fallback);
        }

        public String messageKey() {
            return "indicator.setting." + name();
        }
    }

    /** One row of the settings, for the administration page. */
    record Row(long id, Setting setting, String regionCode, BigDecimal value, LocalDate effectiveFrom,
               LocalDate effectiveTo, String source) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;

    IndicatorSettings(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Every row (a few dozen), by setting, region and newest first. */
    List<Row> all() {
        return jdbc.sql("""
                        SELECT id, setting, region_code, value, effective_from, effective_to, source FROM indicator_setting
                        ORDER BY setting, region_code NULLS FIRST, effective_from DESC, id DESC
                        """)
                .query((rs, i) -> new Row(rs.getLong(1), Setting.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getString(7)))
                .list();
    }

    /**
     * Adds a setting from a day on; the row of the same setting and region in force then ends that day (the history
     * stays). False when a row of that setting and region already starts that day.
     */
    boolean add(Setting setting, String regionCode, BigDecimal value, LocalDate from, String source, String actor) {
        jdbc.sql("""
                        UPDATE indicator_setting SET effective_to = :from
                        WHERE setting = :setting AND region_code IS NOT DISTINCT FROM CAST(:region AS varchar)
                          AND effective_from < :from AND (effective_to IS NULL OR effective_to > :from)
                        """)
                .param("from", from).param("setting", setting.name()).param("region", regionCode).update();
        return jdbc.sql("""
                        INSERT INTO indicator_setting (setting, region_code, value, effective_from, source, created_by)
                        VALUES (:setting, :region, :value, :from, :source, :actor) ON CONFLICT DO NOTHING
                        """)
                .param("setting", setting.name()).param("region", regionCode).param("value", value)
                .param("from", from).param("source", source).param("actor", actor).update() == 1;
    }

    /** The settings in force for a region on a day (a handful of rows). */
    Map<Setting, BigDecimal> forRegion(String regionCode, LocalDate day) {
        List<String> path = regions.path(regionCode).stream().map(RegionView::code).toList();
        Map<Setting, BigDecimal> resolved = new EnumMap<>(Setting.class);
        Map<Setting, Integer> depth = new EnumMap<>(Setting.class);
        jdbc.sql("""
                        SELECT setting, region_code, value FROM indicator_setting
                        WHERE effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)
                          AND (region_code IS NULL OR region_code IN (:path))
                        ORDER BY effective_from
                        """)
                .param("day", day).param("path", path.isEmpty() ? List.of("") : path)
                .query(rs -> {
                    Setting setting;
                    try {
                        setting = Setting.valueOf(rs.getString(1));
                    } catch (IllegalArgumentException unknown) {
                        return;
                    }
                    String code = rs.getString(2);
                    int d = code == null ? -1 : path.indexOf(code);
                    if (d >= depth.getOrDefault(setting, -2)) {
                        depth.put(setting, d);
                        resolved.put(setting, rs.getBigDecimal(3));
                    }
                });
        for (Setting setting : Setting.values()) {
            resolved.putIfAbsent(setting, setting.fallback);
        }
        return resolved;
    }
}
