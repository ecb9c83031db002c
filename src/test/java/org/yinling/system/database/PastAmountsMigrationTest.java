package org.yinling.system.database;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the rates became dated tables per region (V42) and the meal categories data (V43). A database as it was
 * before them, with rates a district had changed by hand on the old pages and meals already served, is migrated: every
 * meal is worth what it was worth, and every rate in force before is the rate of the past months after.
 */
class PastAmountsMigrationTest {

    private static final String COMMUNITY = "330199001001";

    @Test
    void mealsAndRatesKeepTheirAmountsThroughTheRateMigrations() {
        try (ScratchDatabases databases = ScratchDatabases.start()) {
            String url = databases.create("past_amounts");
            Flyway.configure().dataSource(url, "postgres", "").locations(ScratchDatabases.APPLICATION_LOCATION)
                    .target("41").cleanDisabled(true).load().migrate();

            // rates changed by hand, as the old pages allowed (edited in place for every month)
            ScratchDatabases.execute(url, """
                    UPDATE institution_subsidy_rate SET updated_by = 'admin', amount = CASE category
                        WHEN 'LOCAL' THEN 60 WHEN 'MINIMUM_LIVING' THEN 210 ELSE 415 END;
                    UPDATE meal_subsidy_rate SET updated_by = 'admin', amount = CASE category
                        WHEN 'POVERTY' THEN 9 WHEN 'AGE_80' THEN 6 WHEN 'AGE_60' THEN 3.5 ELSE 1.2 END;
                    UPDATE institution_construction_rate SET updated_by = 'admin', amount = 3600 WHERE tier = 'MEDIUM';
                    INSERT INTO region (code, parent_code, level, name, urban_rural_class, registered_population) VALUES
                        ('330199000000', NULL, 'DISTRICT', '迁移区', NULL, NULL),
                        ('330199001000', '330199000000', 'STREET', '迁移街道', NULL, NULL),
                        ('330199001001', '330199001000', 'COMMUNITY', '迁移社区', '111', 5000);
                    INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                       living_arrangement, economic_status, created_by, updated_by)
                    VALUES ('330199194001010015', '迁移测试', 'MALE', DATE '1940-01-01', TRUE, '330199001001', 'ALONE',
                            'EXTREME_POVERTY', 'test', 'test');
                    INSERT INTO meal_point (name, kind, community_code, created_by, updated_by)
                    VALUES ('迁移食堂', 'CANTEEN', '330199001001', 'test', 'test');
                    INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category, recorded_by)
                    SELECT e.id, p.id, d.day, 'LUNCH', 'EAT_IN', d.category, 'test'
                    FROM elder e, meal_point p,
                         (VALUES (DATE '2025-03-01', 'POVERTY'), (DATE '2025-03-02', 'AGE_80'),
                                 (DATE '2025-03-03', 'AGE_60')) AS d (day, category);
                    """);
            List<String> mealsBefore = ScratchDatabases.rows(url, """
                    SELECT m.served_on, CAST(r.amount AS NUMERIC(10, 2)) FROM meal m
                    JOIN meal_subsidy_rate r ON r.category = m.category ORDER BY m.served_on""");
            List<String> operatingBefore = ScratchDatabases.rows(url, """
                    SELECT category, CAST(amount AS NUMERIC(10, 2)) FROM institution_subsidy_rate ORDER BY category""");
            assertThat(mealsBefore).containsExactly("2025-03-01 | 9.00", "2025-03-02 | 6.00", "2025-03-03 | 3.50");

            ScratchDatabases.flyway(url, ScratchDatabases.APPLICATION_LOCATION).migrate();

            assertThat(ScratchDatabases.rows(url, """
                    SELECT m.served_on, CAST(c.amount AS NUMERIC(10, 2)) FROM meal m
                    JOIN meal_category c ON c.id = m.category_id ORDER BY m.served_on"""))
                    .as("each meal keeps its category's amount").isEqualTo(mealsBefore);
            assertThat(ScratchDatabases.rows(url, """
                    SELECT k, CAST(rate_on('INSTITUTION_OPERATING', k, '%s', DATE '2025-03-01') AS NUMERIC(10, 2))
                    FROM unnest(ARRAY['EXTREME_POVERTY', 'LOCAL', 'MINIMUM_LIVING']) AS k ORDER BY k""".formatted(COMMUNITY)))
                    .as("the operating subsidy of a past month at the rates in force then").isEqualTo(operatingBefore);
            assertThat(ScratchDatabases.rows(url, """
                    SELECT CAST(rate_on('MEAL', 'OPERATING', '%s', DATE '2025-03-01') AS NUMERIC(10, 2))""".formatted(COMMUNITY)))
                    .containsExactly("1.20");
            // construction: a rate an administrator had set is kept; seed 004's 3000 a bed for the largest; the small
            // tier's placeholder is left for the district to set
            assertThat(ScratchDatabases.rows(url, """
                    SELECT k, CAST(rate_on('CONSTRUCTION', k, '%s', DATE '2025-03-01') AS NUMERIC(10, 2))
                    FROM unnest(ARRAY['LARGE', 'MEDIUM', 'SMALL']) AS k ORDER BY k""".formatted(COMMUNITY)))
                    .containsExactly("LARGE | 3000.00", "MEDIUM | 3600.00", "SMALL | null");
        }
    }
}
