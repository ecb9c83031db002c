package org.yinling.homecare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code home_care_setting}. */
@Repository
class SettingsStore {

    private static final String COLUMNS = """
            id, region_code, effective_from, checkin_radius_m, missed_after_minutes, callback_extrapolation,
            closed_visible_days""";

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The system default rows and those of the regions under the pattern, the broadest region first. */
    List<HomeCareSetting> rows(String regionPattern) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM home_care_setting WHERE region_code IS NULL OR region_code LIKE :p"
                        + " ORDER BY region_code NULLS FIRST, effective_from")
                .param("p", regionPattern).query(SettingsStore::map).list();
    }

    /** The row in force for a community on a day (the system default row always exists). */
    HomeCareSetting on(String communityCode, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM home_care_setting_on(:community, :day)")
                .param("community", communityCode).param("day", day).query(SettingsStore::map).single();
    }

    /** False when the region has a row from that date already. */
    boolean insert(SettingForm f, String actor) {
        return jdbc.sql("""
                        INSERT INTO home_care_setting (region_code, effective_from, checkin_radius_m,
                                                       missed_after_minutes, callback_extrapolation,
                                                       closed_visible_days, created_by)
                        VALUES (:region, :from, :radius, :missed, :extrapolation, :days, :actor)
                        ON CONFLICT DO NOTHING
                        """)
                .param("region", f.regionCode()).param("from", f.effectiveFrom()).param("radius", f.checkinRadiusM())
                .param("missed", f.missedAfterMinutes())
                .param("extrapolation", Boolean.TRUE.equals(f.callbackExtrapolation()))
                .param("days", f.closedVisibleDays()).param("actor", actor)
                .update() == 1;
    }

    private static HomeCareSetting map(ResultSet rs, int row) throws SQLException {
        return new HomeCareSetting(rs.getLong("id"), rs.getString("region_code"),
                rs.getObject("effective_from", LocalDate.class), rs.getInt("checkin_radius_m"),
                rs.getInt("missed_after_minutes"), rs.getBoolean("callback_extrapolation"),
                rs.getInt("closed_visible_days"));
    }
}
