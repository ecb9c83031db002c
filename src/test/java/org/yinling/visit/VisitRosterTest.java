package org.yinling.visit;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import org.yinling.elder.ElderUpdated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default roster rules of V30 on a known set of elders of 蓝天, each rule with a case on either side of its
 * boundary, the tiers they get, the set-based recompute of a region, and the registry's events taking elders off the
 * roster and back.
 */
@SpringBootTest
@Transactional
class VisitRosterTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitRoster roster;
    @Autowired
    ApplicationEventPublisher events;

    VisitFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new VisitFixtures(jdbc);
        today = TestDates.today();
    }

    private long elder(int age, int daysAfterBirthday, String living, String economic) {
        return fixtures.elder("名单测试", today.minusYears(age).plusDays(daysAfterBirthday), living, economic);
    }

    @Test
    void eightyAndLivingAloneOrEmptyNest() {
        long eighty = elder(80, 0, "ALONE", "NONE");
        long oneDayShort = elder(80, 1, "ALONE", "NONE");
        long emptyNest = elder(85, 0, "EMPTY_NEST", "NONE");
        long withFamily = elder(85, 0, "WITH_FAMILY", "NONE");
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(eighty)).as("80 today, alone").isEqualTo("MEDIUM");
        assertThat(fixtures.tier(oneDayShort)).as("80 tomorrow, alone").isNull();
        assertThat(fixtures.tier(emptyNest)).as("85, empty nest").isEqualTo("MEDIUM");
        assertThat(fixtures.tier(withFamily)).as("85, with family").isNull();
    }

    @Test
    void capabilityTwoToFourLivingAlone() {
        long two = elder(70, 0, "ALONE", "NONE");
        fixtures.set(two, "capability_level", 2);
        long one = elder(70, 0, "ALONE", "NONE");
        fixtures.set(one, "capability_level", 1);
        long threeWithFamily = elder(70, 0, "WITH_FAMILY", "NONE");
        fixtures.set(threeWithFamily, "capability_level", 3);
        long four = elder(70, 0, "ALONE", "NONE");
        fixtures.set(four, "capability_level", 4);
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(two)).as("level 2 alone: on, medium").isEqualTo("MEDIUM");
        assertThat(fixtures.tier(one)).as("level 1 alone").isNull();
        assertThat(fixtures.tier(threeWithFamily)).as("level 3 with family").isNull();
        assertThat(fixtures.tier(four)).as("level 4 alone: high").isEqualTo("HIGH");
    }

    @Test
    void familyPlanningHardship() {
        long lost = elder(66, 0, "WITH_FAMILY", "NONE");
        fixtures.set(lost, "lost_only_child", true);
        long disabled = elder(66, 0, "WITH_FAMILY", "NONE");
        fixtures.set(disabled, "only_child_disabled", true);
        long neither = elder(66, 0, "WITH_FAMILY", "NONE");
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(lost)).as("失独").isEqualTo("LOW");
        assertThat(fixtures.tier(disabled)).as("独生子女伤残").isEqualTo("LOW");
        assertThat(fixtures.tier(neither)).isNull();
    }

    @Test
    void extremePovertyOnlyWhenNotInAnInstitution() {
        long atHome = elder(70, 0, "WITH_FAMILY", "EXTREME_POVERTY");
        long inInstitution = elder(70, 0, "WITH_FAMILY", "EXTREME_POVERTY");
        fixtures.admit(inInstitution, today.minusDays(3));
        long lowIncome = elder(70, 0, "WITH_FAMILY", "LOW_INCOME");
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(atHome)).as("特困 at home, medium").isEqualTo("MEDIUM");
        assertThat(jdbc.sql("SELECT count(*) FROM stay WHERE elder_id = ? AND ended_on IS NULL").params(inInstitution)
                .query(Integer.class).single()).as("the admission of the test").isEqualTo(1);
        assertThat(fixtures.tier(inInstitution)).as("特困 in concentrated care").isNull();
        assertThat(fixtures.tier(lowIncome)).isNull();
    }

    @Test
    void severeDisabilityLivingAlone() {
        long levelTwo = elder(62, 0, "ALONE", "NONE");
        fixtures.disability(levelTwo, 2);
        long levelThree = elder(62, 0, "ALONE", "NONE");
        fixtures.disability(levelThree, 3);
        long levelOneWithFamily = elder(62, 0, "WITH_FAMILY", "NONE");
        fixtures.disability(levelOneWithFamily, 1);
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(levelTwo)).as("重度残疾 level 2 alone").isEqualTo("LOW");
        assertThat(fixtures.tier(levelThree)).as("level 3 alone").isNull();
        assertThat(fixtures.tier(levelOneWithFamily)).as("level 1 with family").isNull();
    }

    @Test
    void seriousIllnessAloneIsHighRisk() {
        long ill = elder(82, 0, "ALONE", "NONE");
        fixtures.set(ill, "serious_illness", true);
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(ill)).isEqualTo("HIGH");
    }

    @Test
    void aRecomputeTwiceChangesNothingTheSecondTime() {
        elder(90, 0, "ALONE", "NONE");
        roster.recompute(VisitFixtures.LANTIAN, "test");
        VisitRosterStore.Changes second = roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(second.any()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM visit_month m JOIN visit_roster r ON r.elder_id = m.elder_id"
                        + " AND r.left_on IS NULL WHERE r.community_code = ? AND m.month = ?")
                .params(VisitFixtures.LANTIAN, today.withDayOfMonth(1)).query(Integer.class).single())
                .as("this month's fact for every rostered elder")
                .isEqualTo(jdbc.sql("SELECT count(*) FROM visit_roster WHERE left_on IS NULL AND community_code = ?")
                        .params(VisitFixtures.LANTIAN).query(Integer.class).single());
    }

    @Test
    void eventsTakeEldersOffTheRosterAndBack() {
        long died = elder(88, 0, "ALONE", "NONE");
        long moved = elder(88, 0, "ALONE", "NONE");
        long changed = elder(88, 0, "ALONE", "NONE");
        roster.recompute(VisitFixtures.LANTIAN, "test");
        assertThat(fixtures.tier(died)).isNotNull();

        fixtures.lifeStatus(died, "DECEASED", today.minusDays(1));
        events.publishEvent(new ElderDeceased(died, today.minusDays(1)));
        assertThat(fixtures.tier(died)).isNull();
        assertThat(fixtures.leftReasons(died)).containsExactly("DECEASED");

        fixtures.lifeStatus(moved, "MOVED_OUT", today);
        events.publishEvent(new ElderMovedOut(moved, today));
        assertThat(fixtures.leftReasons(moved)).containsExactly("MOVED_OUT");

        fixtures.set(changed, "living_arrangement", "WITH_FAMILY");
        events.publishEvent(new ElderUpdated(changed));
        assertThat(fixtures.tier(changed)).isNull();
        assertThat(fixtures.leftReasons(changed)).containsExactly("NO_LONGER_QUALIFIES");
        fixtures.set(changed, "living_arrangement", "ALONE");
        events.publishEvent(new ElderUpdated(changed));
        assertThat(fixtures.tier(changed)).as("back on the roster").isEqualTo("MEDIUM");
        assertThat(jdbc.sql("SELECT count(*) FROM visit_roster WHERE elder_id = ?").params(changed)
                .query(Integer.class).single()).as("a new roster row, the old one kept").isEqualTo(2);
    }
}
