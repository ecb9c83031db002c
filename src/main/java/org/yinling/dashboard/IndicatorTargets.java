package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * Targets per region with effective dates. A region takes its own target, else its nearest ancestor's, else the
 * default (a row without region); a count of people takes only its own region's target, or the default for a
 * district, since a district's count is no street's target.
 */
@Component
class IndicatorTargets {

    public record Target(long id, Indicator indicator, String regionCode, BigDecimal target, LocalDate effectiveFrom,
                  LocalDate effectiveTo, String source, String createdBy) {

        public boolean effectiveOn(LocalDate day) {
            return !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;

    IndicatorTargets(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Every target row, newest first within an indicator; a few dozen rows. */
    List<Target> all() {
        return jdbc.sql("""
                        SELECT id, indicator, region_code, target, effective_from, effective_to, source, created_by
                        FROM indicator_target ORDER BY indicator, region_code NULLS FIRST, effective_from DESC, id DESC
                        """)
                .query((rs, row) -> new Target(rs.getLong(1), Indicator.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The targets that apply to a region on a day. */
    Map<Indicator, BigDecimal> forRegion(RegionView region, LocalDate day) {
        return forRegion(region, day, all());
    }

    Map<Indicator, BigDecimal> forRegion(RegionView region, LocalDate day, List<Target> targets) {
        List<RegionView> path = regions.path(region.code());
        Map<Indicator, BigDecimal> resolved = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Target best = null;
            int bestDepth = -2;
            for (Target target : targets) {
                if (target.indicator() != indicator || !target.effectiveOn(day)) {
                    continue;
                }
                int depth = depth(target.regionCode(), path);
                boolean applies = target.regionCode() == null
                        ? indicator.targetInherited() || region.level() == RegionLevel.DISTRICT
                        : depth == path.size() - 1 || depth >= 0 && indicator.targetInherited();
                boolean better = depth > bestDepth
                        || depth == bestDepth && target.effectiveFrom().isAfter(best.effectiveFrom());
                if (applies && better) {
                    best = target;
                    bestDepth = depth;
                }
            }
            if (best != null) {
                resolved.put(indicator, best.target());
            }
        }
        return resolved;
    }

    /** -1 for the default, else the position of the target's region on the path from the district (0). */
    private static int depth(String regionCode, List<RegionView> path) {
        if (regionCode == null) {
            return -1;
        }
        for (int i = 0; i < path.size(); i++) {
            if (Objects.equals(path.get(i).code(), regionCode)) {
                return i;
            }
        }
        return -3;
    }

    /**
     * Adds a target from a day on; a target of the same indicator and region in force then ends that day, so that
     * one target holds at a time and the history stays.
     */
    @Transactional
    long add(Indicator indicator, String regionCode, BigDecimal target, LocalDate from, LocalDate to, String source,
             String actor) {
        jdbc.sql("""
                        UPDATE indicator_target SET effective_to = :from
                        WHERE indicator = :indicator AND region_code IS NOT DISTINCT FROM CAST(:region AS varchar)
                          AND effective_from < :from AND (effective_to IS NULL OR effective_to > :from)
                        """)
                .param("from", from).param("indicator", indicator.name()).param("region", regionCode)
                .update();
        return jdbc.sql("""
                        INSERT INTO indicator_target (indicator, region_code, target, effective_from, effective_to, source, created_by)
                        VALUES (:indicator, :region, :target, :from, :to, :source, :actor) RETURNING id
                        """)
                .param("indicator", indicator.name()).param("region", regionCode).param("target", target)
                .param("from", from).param("to", to).param("source", source).param("actor", actor)
                .query(Long.class).single();
    }

    /** Ends a target on a day (it no longer applies from then); false when there was nothing to end. */
    boolean end(long id, LocalDate on) {
        return jdbc.sql("""
                        UPDATE indicator_target SET effective_to = :on
                        WHERE id = :id AND effective_from < :on AND (effective_to IS NULL OR effective_to > :on)
                        """)
                .param("id", id).param("on", on).update() == 1;
    }

    boolean startTaken(Indicator indicator, String regionCode, LocalDate from) {
        return jdbc.sql("""
                        SELECT count(*) FROM indicator_target
                        WHERE indicator = :indicator AND region_code IS NOT DISTINCT FROM CAST(:region AS varchar) AND effective_from = :from
                        """)
                .param("indicator", indicator.name()).param("region", regionCode).param("from", from)
                .query(Long.class).single() > 0;
    }
}
