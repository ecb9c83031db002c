package org.yinling.region;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/**
 * Official statistics per region and year (table region_statistic, V44). District staff enter them for their district
 * and the regions below it; the dashboard reads the latest year not after the day it shows.
 */
@Service
public class OfficialStatistics {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OfficialStatistics(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** For each region given, its statistics of the latest year up to {@code year}; regions without none are absent. */
    @Transactional(readOnly = true)
    public Map<String, OfficialStatistic> latest(Collection<String> regionCodes, int year) {
        Map<String, OfficialStatistic> latest = new HashMap<>();
        if (regionCodes.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (region_code) region_code, year, registered_population, elders_60, elders_80,
                               source, published_on
                        FROM region_statistic WHERE region_code IN (:codes) AND year <= :year
                        ORDER BY region_code, year DESC
                        """)
                .param("codes", regionCodes).param("year", year)
                .query(OfficialStatistics::row).list()
                .forEach(s -> latest.put(s.regionCode(), s));
        return latest;
    }

    /** Every year entered for the regions in the scope, newest first, by region code. */
    @Transactional(readOnly = true)
    public List<OfficialStatistic> within(RegionScope scope) {
        return jdbc.sql("""
                        SELECT region_code, year, registered_population, elders_60, elders_80, source, published_on
                        FROM region_statistic WHERE region_code LIKE :scope
                        ORDER BY year DESC, region_code
                        """)
                .param("scope", scope.likePattern())
                .query(OfficialStatistics::row).list();
    }

    /** Enters (or replaces) a region's statistics of a year; audited with the figures. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(OfficialStatistic s, String actor) {
        jdbc.sql("""
                        INSERT INTO region_statistic (region_code, year, registered_population, elders_60, elders_80,
                                                      source, published_on, updated_by)
                        VALUES (:code, :year, :population, :elders60, :elders80, :source, :published, :actor)
                        ON CONFLICT (region_code, year) DO UPDATE SET
                            registered_population = EXCLUDED.registered_population, elders_60 = EXCLUDED.elders_60,
                            elders_80 = EXCLUDED.elders_80, source = EXCLUDED.source,
                            published_on = EXCLUDED.published_on, updated_by = EXCLUDED.updated_by, updated_at = now()
                        """)
                .param("code", s.regionCode()).param("year", s.year()).param("population", s.registeredPopulation())
                .param("elders60", s.elders60()).param("elders80", s.elders80()).param("source", s.source())
                .param("published", s.publishedOn()).param("actor", actor)
                .update();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("year", s.year());
        details.put("registeredPopulation", s.registeredPopulation());
        details.put("elders60", s.elders60());
        details.put("elders80", s.elders80() == null ? "" : s.elders80());
        details.put("source", s.source());
        details.put("publishedOn", s.publishedOn().toString());
        audit.record("REGION_STATISTICS_SAVED", "region", s.regionCode(), details);
    }

    private static OfficialStatistic row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long elders80 = rs.getLong(5);
        return new OfficialStatistic(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                rs.wasNull() ? null : elders80, rs.getString(6), rs.getObject(7, LocalDate.class));
    }
}
