package org.yinling.dashboard;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;

/**
 * Seed 002's staffing rule (强化人才队伍保障), checked per district, street and community with the staff each records:
 * the district guidance centre adds STAFF_DISTRICT (2); a street centre needs STAFF_STREET_BELOW (1) while its elders
 * 60+ are under STAFF_AGING_THRESHOLD (20 %) of its 户籍 population, else STAFF_STREET_FROM (2); each community
 * station with at least STAFF_COMMUNITY_ELDERS (100) government-purchased-service elders needs one of its own. All are
 * settings ({@link IndicatorSettings}). A street is not green while one of its communities that needs a worker has
 * none recorded. "Government-purchased-service elders" are the elders served this month
 * ({@link Indicator#PURCHASED_SERVICE_ELDERS}: at least one visit confirmed), as seed 002 counts them.
 */
@Component
class StreetStaffing {

    /**
     * One region's line: what the rule requires of it, what it recorded (null: nothing yet), and for a street its
     * communities that need a worker and how many of those have none recorded.
     */
    public record Row(String regionCode, String regionName, RegionLevel level, BigDecimal agingRatio,
                      long purchasedServiceElders, int required, Integer recorded, int communitiesNeeding,
                      int communitiesUnstaffed) {

        /** Kept for the page: the street code the row stands for (any level's code). */
        public String streetCode() {
            return regionCode;
        }

        public String streetName() {
            return regionName;
        }

        public TargetStatus status() {
            if (recorded == null) {
                return TargetStatus.NONE;
            }
            if (recorded < required) {
                return TargetStatus.RED;
            }
            return communitiesUnstaffed > 0 ? TargetStatus.AMBER : TargetStatus.GREEN;
        }

        public boolean street() {
            return level == RegionLevel.STREET;
        }

        public boolean community() {
            return level == RegionLevel.COMMUNITY;
        }
    }

    private final JdbcClient jdbc;

    StreetStaffing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Row district(String code, String name, Map<IndicatorSettings.Setting, BigDecimal> settings, Integer recorded) {
        return new Row(code, name, RegionLevel.DISTRICT, null, 0,
                settings.get(IndicatorSettings.Setting.STAFF_DISTRICT).intValue(), recorded, 0, 0);
    }

    /** The rule for one street, from its indicators and its communities' figures and records. */
    static Row street(String code, String name, IndicatorSheet street, Map<String, Figures> communities,
                      Map<IndicatorSettings.Setting, BigDecimal> settings, Map<String, Integer> recorded) {
        BigDecimal ratio = street.get(Indicator.AGING_RATIO).value();
        BigDecimal threshold = settings.get(IndicatorSettings.Setting.STAFF_AGING_THRESHOLD);
        int required = (ratio != null && ratio.compareTo(threshold) >= 0
                ? settings.get(IndicatorSettings.Setting.STAFF_STREET_FROM)
                : settings.get(IndicatorSettings.Setting.STAFF_STREET_BELOW)).intValue();
        String prefix = code.substring(0, 9);
        int needing = 0;
        int unstaffed = 0;
        for (Map.Entry<String, Figures> c : communities.entrySet()) {
            if (c.getKey().startsWith(prefix) && communityRequired(c.getValue(), settings) > 0) {
                needing++;
                Integer staff = recorded.get(c.getKey());
                if (staff == null || staff < 1) {
                    unstaffed++;
                }
            }
        }
        return new Row(code, name, RegionLevel.STREET, ratio, 0, required, recorded.get(code), needing, unstaffed);
    }

    static Row community(String code, String name, Figures figures, Map<IndicatorSettings.Setting, BigDecimal> settings,
                         Integer recorded) {
        return new Row(code, name, RegionLevel.COMMUNITY, null, figures.purchasedServiceElders,
                communityRequired(figures, settings), recorded, 0, 0);
    }

    static int communityRequired(Figures community, Map<IndicatorSettings.Setting, BigDecimal> settings) {
        long threshold = settings.get(IndicatorSettings.Setting.STAFF_COMMUNITY_ELDERS).longValue();
        return community.purchasedServiceElders >= threshold ? 1 : 0;
    }

    /** Staff recorded per region code, for every region in the scope (a district's few hundred rows at most). */
    Map<String, Integer> recorded(RegionScope scope) {
        Map<String, Integer> recorded = new HashMap<>();
        jdbc.sql("SELECT region_code, staff FROM region_care_staff WHERE region_code LIKE :scope")
                .param("scope", scope.likePattern())
                .query(rs -> {
                    recorded.put(rs.getString(1), rs.getInt(2));
                });
        return recorded;
    }

    void record(String regionCode, int staff, String actor) {
        jdbc.sql("""
                        INSERT INTO region_care_staff (region_code, staff, updated_by) VALUES (:region, :staff, :actor)
                        ON CONFLICT (region_code) DO UPDATE
                            SET staff = EXCLUDED.staff, updated_by = EXCLUDED.updated_by, updated_at = now(),
                                version = region_care_staff.version + 1
                        """)
                .param("region", regionCode).param("staff", staff).param("actor", actor)
                .update();
    }
}
