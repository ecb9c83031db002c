package org.yinling.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an elder is due, by tier and frequency: weekly, monthly and quarterly across month ends (31 January + one month
 * is 28 February), within 24 hours of a major event, and 2 days after a visit that did not reach the elder.
 */
@SpringBootTest
@Transactional
class DueScheduleTest {

    static final ZoneId ZONE = TestDates.ZONE;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitRoster roster;
    @Autowired
    DueStore due;

    VisitFixtures fixtures;
    VisitScope lantian = new VisitScope(new RegionScope(VisitFixtures.LANTIAN), null);

    @BeforeEach
    void setUp() {
        fixtures = new VisitFixtures(jdbc);
    }

    /** A rostered elder of the tier (by the default rules), on the roster since 2024-01-01. */
    private long elder(String tier) {
        LocalDate today = TestDates.today();
        long id = switch (tier) {
            case "HIGH" -> {
                long e = fixtures.elder("到期测试", today.minusYears(70), "ALONE", "NONE");
                fixtures.set(e, "capability_level", 4);
                yield e;
            }
            case "MEDIUM" -> fixtures.elder("到期测试", today.minusYears(85), "ALONE", "NONE");
            default -> {
                long e = fixtures.elder("到期测试", today.minusYears(66), "WITH_FAMILY", "NONE");
                fixtures.set(e, "lost_only_child", true);
                yield e;
            }
        };
        roster.recomputeElder(id, "test");
        assertThat(fixtures.tier(id)).isEqualTo(tier);
        fixtures.rosteredOn(id, LocalDate.of(2024, 1, 1));
        return id;
    }

    private void facts(long elderId, String lastVisitAt, LocalDate retryOn, String eventAt) {
        jdbc.sql("UPDATE visit_roster SET last_visit_at = CAST(? AS timestamptz), retry_on = ?,"
                        + " event_at = CAST(? AS timestamptz) WHERE elder_id = ? AND left_on IS NULL")
                .params(lastVisitAt, retryOn, eventAt, elderId).update();
    }

    private Optional<DueStore.DueRow> row(long elderId, String now) {
        OffsetDateTime at = OffsetDateTime.parse(now);
        return due.due(lantian, null, null, at, at.plusYears(5), ZONE, 100_000).stream()
                .filter(row -> row.elderId() == elderId).findFirst();
    }

    @Test
    void monthlyAcrossTheEndOfAShortMonth() {
        long medium = elder("MEDIUM");
        facts(medium, "2025-01-31T10:00:00+08:00", null, null);
        DueStore.DueRow before = row(medium, "2025-02-28T23:00:00+08:00").orElseThrow();
        assertThat(before.dueAt()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"));
        assertThat(before.overdue()).isFalse();
        assertThat(before.reason()).isEqualTo("PERIODIC");
        DueStore.DueRow after = row(medium, "2025-03-03T09:00:00+08:00").orElseThrow();
        assertThat(after.overdue()).isTrue();
        assertThat(after.daysOverdue()).isEqualTo(2);
    }

    @Test
    void weeklyForHighRiskAndQuarterlyForLow() {
        long high = elder("HIGH");
        facts(high, "2025-03-03T16:00:00+08:00", null, null);
        assertThat(row(high, "2025-03-05T09:00:00+08:00").orElseThrow().dueAt())
                .isEqualTo(OffsetDateTime.parse("2025-03-11T00:00:00+08:00"));
        long low = elder("LOW");
        facts(low, "2024-11-30T10:00:00+08:00", null, null);
        assertThat(row(low, "2025-01-05T09:00:00+08:00").orElseThrow().dueAt())
                .as("three months after 30 November: 28 February, to its end")
                .isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"));
    }

    @Test
    void neverVisitedIsDueOneIntervalAfterJoiningTheRoster() {
        long medium = elder("MEDIUM");
        fixtures.rosteredOn(medium, LocalDate.of(2025, 1, 15));
        assertThat(row(medium, "2025-01-20T09:00:00+08:00").orElseThrow().dueAt())
                .isEqualTo(OffsetDateTime.parse("2025-02-16T00:00:00+08:00"));
    }

    @Test
    void within24HoursOfAMajorEvent() {
        long low = elder("LOW");
        facts(low, "2025-03-01T10:00:00+08:00", null, "2025-03-05T15:00:00+08:00");
        DueStore.DueRow inTime = row(low, "2025-03-06T14:00:00+08:00").orElseThrow();
        assertThat(inTime.reason()).isEqualTo("EVENT");
        assertThat(inTime.dueAt()).isEqualTo(OffsetDateTime.parse("2025-03-06T15:00:00+08:00"));
        assertThat(inTime.overdue()).isFalse();
        assertThat(row(low, "2025-03-06T16:00:00+08:00").orElseThrow().overdue()).isTrue();
    }

    @Test
    void twoDaysAfterAVisitThatDidNotReachTheElder() {
        long medium = elder("MEDIUM");
        facts(medium, "2025-03-01T10:00:00+08:00", LocalDate.of(2025, 3, 7), null);
        DueStore.DueRow retry = row(medium, "2025-03-06T09:00:00+08:00").orElseThrow();
        assertThat(retry.reason()).isEqualTo("RETRY");
        assertThat(retry.dueAt()).isEqualTo(OffsetDateTime.parse("2025-03-08T00:00:00+08:00"));
    }

    @Test
    void overdueFirstByTierThenByDaysOverdue() {
        long medium = elder("MEDIUM");
        long high = elder("HIGH");
        facts(medium, "2025-01-01T10:00:00+08:00", null, null);
        facts(high, "2025-02-20T10:00:00+08:00", null, null);
        OffsetDateTime now = OffsetDateTime.parse("2025-03-05T09:00:00+08:00");
        var rows = due.due(lantian, null, null, now, now.plusDays(7), ZONE, 100_000).stream()
                .filter(row -> row.elderId() == medium || row.elderId() == high).toList();
        assertThat(rows).extracting(DueStore.DueRow::elderId).containsExactly(high, medium);
        assertThat(rows.get(1).daysOverdue()).isGreaterThan(rows.get(0).daysOverdue());
    }
}
