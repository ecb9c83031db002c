package org.yinling.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * No date comes from the host's time zone: the application's code asks the one {@link Clock} bean
 * ({@code yinling.time-zone}) for "now". A no-argument {@code LocalDate.now()} on a server in UTC is still
 * yesterday from 00:00 to 08:00 Beijing time. ({@code Instant.now()} is allowed: an instant has no zone.)
 */
class ChinaTimeRulesTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yinling");

    @Test
    void nothingReadsTheDateOrZoneOfTheHost() {
        noClasses().should().callMethodWhere(hostTime())
                .because("dates come from the injected Clock (yinling.time-zone), never from the host's zone")
                .check(APPLICATION);
    }

    private static DescribedPredicate<JavaCall<?>> hostTime() {
        return new DescribedPredicate<>("reads the host's date or zone") {
            @Override
            public boolean test(JavaCall<?> call) {
                var target = call.getTarget();
                String owner = target.getOwner().getName();
                boolean noArguments = target.getRawParameterTypes().isEmpty();
                return switch (target.getName()) {
                    case "now" -> noArguments && isOneOf(owner, LocalDate.class, LocalDateTime.class, LocalTime.class,
                            YearMonth.class, Year.class, ZonedDateTime.class, OffsetDateTime.class);
                    case "systemDefaultZone" -> owner.equals(Clock.class.getName());
                    case "systemDefault" -> owner.equals(ZoneId.class.getName());
                    default -> false;
                };
            }
        };
    }

    private static boolean isOneOf(String owner, Class<?>... types) {
        for (Class<?> type : types) {
            if (type.getName().equals(owner)) {
                return true;
            }
        }
        return false;
    }
}
