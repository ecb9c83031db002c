package org.yinling.system.database;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code yinling.flyway.repair-on-start=true}: a one-off start for a database that Flyway refuses because it was
 * migrated before landed migrations were edited (docs/operations.md, "A database migrated before the edited
 * migrations"). Before migrating: brings the schema of every edited migration to today's
 * ({@link LandedMigrationCatchUp}), runs {@code flyway repair}, and applies migrations that landed with a lower number
 * than one already applied (out of order). Then migrates as every start does. Off by default; turn it off again
 * after the start that repaired.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("yinling.flyway.repair-on-start")
class RepairOnStartConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RepairOnStartConfiguration.class);

    @Bean
    FlywayMigrationStrategy repairThenMigrate() {
        return flyway -> {
            List<LandedMigrationCatchUp.Landed> caughtUp = LandedMigrationCatchUp.catchUp(flyway.getConfiguration());
            flyway.repair();
            List<String> late = Arrays.stream(flyway.info().all())
                    .filter(info -> info.getState() == MigrationState.IGNORED)
                    .map(MigrationInfo::getScript).toList();
            if (!late.isEmpty()) {
                log.warn("Applying migrations that landed after higher-numbered ones, out of order: {}", late);
                Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                        .outOfOrder(true).load().migrate();
            }
            log.warn("Flyway repaired (edited migrations caught up: {}); set yinling.flyway.repair-on-start=false again",
                    caughtUp.stream().map(l -> "V" + l.version() + " of " + l.landedIn()).toList());
            flyway.migrate();
        };
    }
}
