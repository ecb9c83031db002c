package org.yinling.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.CapabilityScoring.AssessmentResult;
import org.yinling.elder.DemoElders.Added;

/**
 * The demo elder generator, called directly on top of the demo elders the shared test context loaded at start.
 * Each test removes the elders it added, so that other tests see the same database as before.
 */
@SpringBootTest
class DemoEldersTest {

    /** Enough for the shares below to be stable, small enough to generate in about a second. */
    private static final int SAMPLE = 5_000;
    /** Everything generation decides about a person but the resident ID. */
    private static final String PERSON = """
            name || '|' || sex || '|' || birth_date || '|' || coalesce(ethnicity, '') || '|'
            || coalesce(phone, '') || '|' || coalesce(hukou_region_code, '') || '|' || hukou_local || '|'
            || community_code || '|' || coalesce(address, '') || '|' || living_arrangement || '|' || solitary || '|'
            || lost_only_child || '|' || economic_status || '|' || coalesce(income_per_person::text, '') || '|'
            || coalesce(disability_category, '') || '|' || coalesce(disability_level::text, '') || '|' || left_behind
            || '|' || only_child_disabled || '|' || special_care_recipient || '|' || serious_illness || '|'
            || coalesce(guardian_name, '') || '|' || coalesce(guardian_relation, '') || '|'
            || coalesce(guardian_phone, '') || '|' || coalesce(emergency_name, '') || '|'
            || coalesce(emergency_phone, '') || '|' || life_status || '|' || coalesce(life_status_date::text, '') || '|'
            || coalesce(life_status_reason, '') || '|' || coalesce(capability_level::text, '') || '|'
            || coalesce((SELECT string_agg(a.assessed_on || ':' || a.item_scores::text, ';' ORDER BY a.id)
                         FROM assessment a WHERE a.elder_id = elder.id), '')
            """;

    /** ... and with it: what must come out the same every time. */
    private static final String CONTENT = "resident_id || '|' || " + PERSON;

    @Autowired
    DemoElders demoElders;
    @Autowired
    JdbcClient jdbc;

    private long lastIdBefore;

    @BeforeEach
    void rememberLastElder() {
        lastIdBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM elder").query(Long.class).single();
    }

    @AfterEach
    void removeEldersAddedHere() {
        jdbc.sql("DELETE FROM assessment WHERE elder_id IN (SELECT id FROM elder WHERE demo AND id > :last)")
                .param("last", lastIdBefore).update();
        jdbc.sql("DELETE FROM elder WHERE demo AND id > :last").param("last", lastIdBefore).update();
    }

    @Test
    void growsDeterministicallyAndNeverDuplicates() {
        int first = Math.max(demoElderCount(), 300);
        int second = first + 200;

        Added toFirst = demoElders.generate(first);
        int countAtFirst = demoElderCount();
        assertThat(countAtFirst + toFirst.taken()).isEqualTo(first);
        Map<String, String> before = demoContent(0);
        long lastIdAtFirst = jdbc.sql("SELECT max(id) FROM elder").query(Long.class).single();

        Added toSecond = demoElders.generate(second);
        assertThat(toSecond.elders()).isEqualTo(second - countAtFirst - toSecond.taken()).isPositive();
        assertThat(demoElderCount() + toSecond.taken()).isEqualTo(second);
        Map<String, String> after = demoContent(0);
        assertThat(after).containsAllEntriesOf(before);

        assertThat(demoElders.generate(second)).isEqualTo(new Added(0, 0, 0));
        assertThat(demoContent(0)).isEqualTo(after);

        // Persons removed and generated again come back exactly as they were, resident IDs included.
        Map<String, String> added = demoContent(lastIdAtFirst);
        assertThat(added).hasSize(toSecond.elders());
        jdbc.sql("DELETE FROM assessment WHERE elder_id IN (SELECT id FROM elder WHERE demo AND id > :id)")
                .param("id", lastIdAtFirst).update();
        jdbc.sql("DELETE FROM elder WHERE demo AND id > :id").param("id", lastIdAtFirst).update();

        assertThat(demoElders.generate(second).elders()).isEqualTo(toSecond.elders());
        assertThat(demoContent(lastIdAtFirst)).isEqualTo(added);
        assertThat(personsGeneratedTwice()).isZero();

        // Many more: were the resident IDs of earlier persons to shift, someone would now be there twice.
        demoElders.generate(second + SAMPLE);
        assertThat(demoContent(0)).containsAllEntriesOf(after);
        assertThat(personsGeneratedTwice()).isZero();
    }

    @Test
    void everyResidentIdIsValidAndAgreesWithSexAndBirthDate() {
        demoElders.generate(Math.max(demoElderCount(), SAMPLE));
        LocalDate anchor = anchorDate();

        List<DemoElder> elders = jdbc.sql("""
                        SELECT resident_id, sex, birth_date, hukou_local, hukou_region_code, community_code,
                               updated_by = 'demo' AS as_generated
                        FROM elder WHERE demo
                        """)
                .query(DemoElder.class).list();

        assertThat(elders).hasSizeGreaterThan(SAMPLE / 2).allSatisfy(elder -> {
            ResidentId id = ResidentId.parse(elder.residentId());
            assertThat(id.value()).isEqualTo(elder.residentId());
            assertThat(id.sex()).hasToString(elder.sex());
            assertThat(id.birthDate()).isEqualTo(elder.birthDate());
            assertThat(id.ageOn(anchor)).isBetween(60, 105);
            if (elder.asGenerated()) { // not edited by another test since
                assertThat(id.addressCode().equals(DemoElders.DISTRICT)).isEqualTo(elder.hukouLocal());
                assertThat(elder.hukouRegionCode()).isEqualTo(elder.hukouLocal() ? elder.communityCode() : null);
            }
        });
    }

    @Test
    void sharesLookLikeAnUrbanDistrict() {
        demoElders.generate(Math.max(demoElderCount(), SAMPLE));

        Map<String, Object> shares = jdbc.sql("""
                        WITH e AS (SELECT *, extract(YEAR FROM age(CAST(:anchor AS date), birth_date)) AS age
                                   FROM elder WHERE demo)
                        SELECT avg((age >= 80)::int) AS aged80,
                               avg((age >= 90)::int) AS aged90,
                               avg((sex = 'FEMALE')::int) AS women,
                               avg((sex = 'FEMALE')::int) FILTER (WHERE age >= 80) AS women80,
                               avg((NOT hukou_local)::int) AS non_local,
                               avg((living_arrangement = 'ALONE')::int) AS alone,
                               avg((living_arrangement = 'EMPTY_NEST')::int) AS empty_nest,
                               avg((economic_status <> 'NONE')::int) AS hardship,
                               count(*) FILTER (WHERE economic_status = 'EXTREME_POVERTY') AS extreme_poverty,
                               count(*) FILTER (WHERE solitary) AS solitary,
                               count(*) FILTER (WHERE life_status = 'DECEASED') AS deceased,
                               count(*) FILTER (WHERE life_status = 'MOVED_OUT') AS moved_out,
                               avg((capability_level IS NOT NULL)::int) AS assessed,
                               avg((phone LIKE '1%')::int) AS mobile,
                               avg((guardian_name IS NOT NULL)::int) AS guardian
                        FROM e
                        """)
                .param("anchor", anchorDate())
                .query().singleRow();
        Map<String, Object> surnames = jdbc.sql("""
                        SELECT count(*) AS surnames, max(elders)::numeric / sum(elders) AS commonest
                        FROM (SELECT left(name, 1), count(*) AS elders FROM elder WHERE demo GROUP BY 1) AS s
                        """)
                .query().singleRow();
        Map<String, Object> communities = jdbc.sql("""
                        SELECT min(elders) AS fewest,
                               avg(elders) FILTER (WHERE village) < avg(elders) FILTER (WHERE NOT village)
                                   AS villages_have_fewer
                        FROM (SELECT substr(r.code, 10, 1) = '2' AS village, count(e.id) AS elders
                              FROM region r LEFT JOIN elder e ON e.community_code = r.code AND e.demo
                              WHERE r.level = 'COMMUNITY' AND r.demo AND r.code LIKE :district || '%'
                              GROUP BY r.code) AS c
                        """)
                .param("district", DemoElders.DISTRICT)
                .query().singleRow();

        assertThat(number(shares, "aged80")).isBetween(0.12, 0.22);
        assertThat(number(shares, "aged90")).isBetween(0.01, 0.045);
        assertThat(number(shares, "women")).isBetween(0.48, 0.57);
        assertThat(number(shares, "women80")).isBetween(0.53, 0.68);
        assertThat(number(shares, "non_local")).isCloseTo(0.08, within(0.03));
        assertThat(number(shares, "alone")).isCloseTo(0.12, within(0.04));
        assertThat(number(shares, "empty_nest")).isCloseTo(0.35, within(0.05));
        assertThat(number(shares, "hardship")).isBetween(0.06, 0.14);
        assertThat(number(shares, "extreme_poverty")).isPositive();
        assertThat(number(shares, "solitary")).isPositive();
        assertThat(number(shares, "deceased")).isPositive();
        assertThat(number(shares, "moved_out")).isPositive();
        assertThat(number(shares, "assessed")).isBetween(0.18, 0.33);
        assertThat(number(shares, "mobile")).isGreaterThan(0.8);
        assertThat(number(shares, "guardian")).isGreaterThan(0.8);
        // A search by one surname finds many elders, never most of them.
        assertThat(number(surnames, "surnames")).isGreaterThan(40);
        assertThat(number(surnames, "commonest")).isBetween(0.05, 0.15);
        assertThat(number(communities, "fewest")).as("elders in the emptiest demo community").isPositive();
        assertThat(communities.get("villages_have_fewer")).isEqualTo(true);
    }

    /** The care flags of issue 19 in the shares a district reports (disability 6 %, of which levels 1–2 a quarter). */
    @Test
    void careFlagsHavePlausibleShares() {
        demoElders.generate(Math.max(demoElderCount(), SAMPLE));
        Map<String, Object> shares = jdbc.sql("""
                        SELECT avg((disability_category IS NOT NULL)::int) AS disabled,
                               count(*) FILTER (WHERE (disability_category IS NULL) <> (disability_level IS NULL)) AS half,
                               count(DISTINCT disability_category) AS categories,
                               avg(left_behind::int) AS left_behind,
                               count(*) FILTER (WHERE left_behind AND living_arrangement = 'WITH_FAMILY') AS left_with_family,
                               avg(special_care_recipient::int) AS special_care,
                               avg(only_child_disabled::int) AS only_child_disabled,
                               count(*) FILTER (WHERE only_child_disabled AND lost_only_child) AS both_only_child,
                               avg(serious_illness::int) AS serious_illness
                        FROM elder WHERE demo
                        """)
                .query().singleRow();
        assertThat(number(shares, "disabled")).isCloseTo(0.06, within(0.015));
        assertThat(number(shares, "half")).isZero();
        assertThat(number(shares, "categories")).isEqualTo(7);
        assertThat(number(shares, "left_behind")).isCloseTo(0.05, within(0.015));
        assertThat(number(shares, "left_with_family")).isZero();
        assertThat(number(shares, "special_care")).isCloseTo(0.01, within(0.006));
        assertThat(number(shares, "only_child_disabled")).isBetween(0.0005, 0.007);
        assertThat(number(shares, "both_only_child")).isZero();
        assertThat(number(shares, "serious_illness")).isCloseTo(0.04, within(0.012));
        double severe = jdbc.sql("SELECT avg((coalesce(disability_level, 9) <= 2)::int) FROM elder WHERE demo")
                .query(Double.class).single();
        assertThat(severe).isCloseTo(0.015, within(0.006));
    }

    @Test
    void recordsAreWellFormed() {
        demoElders.generate(Math.max(demoElderCount(), SAMPLE));

        assertThat(count("SELECT count(*) FROM elder WHERE demo AND created_by <> 'demo'")).isZero();
        // Rows as generated (other tests may edit a demo elder) break none of these rules.
        assertThat(count("""
                SELECT count(*) FROM elder WHERE demo AND updated_by = 'demo' AND (
                    name !~ '^[一-龥]{2,4}$'
                    OR (phone IS NOT NULL AND phone !~ '^(1[35789][0-9]{9}|0571-8[0-9]{7})$')
                    OR (income_per_person IS NOT NULL AND income_per_person NOT BETWEEN 300 AND 2500)
                    OR (economic_status <> 'NONE' AND income_per_person IS NULL)
                    OR (solitary AND living_arrangement <> 'ALONE')
                    OR (address NOT LIKE (SELECT name FROM region WHERE code = community_code) || '%')
                    OR (life_status <> 'ACTIVE' AND (life_status_reason IS NULL
                        OR life_status_date NOT BETWEEN CURRENT_DATE - 366 AND CURRENT_DATE)))
                """)).isZero();
        assertThat(jdbc.sql("SELECT address FROM elder WHERE demo AND substr(community_code, 10, 1) = '2' LIMIT 1")
                .query(String.class).single()).matches(".+村[0-9]+组[0-9]+号");
        assertThat(jdbc.sql("SELECT address FROM elder WHERE demo AND substr(community_code, 10, 1) = '0' LIMIT 1")
                .query(String.class).single()).matches(".+社区[0-9]+幢[0-9]单元[0-9]{3}室");
    }

    @Test
    void assessmentsAgreeWithCapabilityScoring() {
        demoElders.generate(Math.max(demoElderCount(), SAMPLE));
        LocalDate anchor = anchorDate();

        Map<Long, Map<AssessmentItem, Integer>> scores = new HashMap<>();
        jdbc.sql("""
                        SELECT a.id, i.key, i.value::int AS score
                        FROM assessment a JOIN elder e ON e.id = a.elder_id, jsonb_each_text(a.item_scores) AS i
                        WHERE e.demo AND a.created_by = 'demo'
                        """)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong("id"), id -> new EnumMap<>(AssessmentItem.class))
                            .put(AssessmentItem.valueOf(rs.getString("key")), rs.getInt("score"));
                });
        List<StoredAssessment> assessments = jdbc.sql("""
                        SELECT a.id, a.total, a.base_level, a.level, a.reason, a.assessor, a.assessed_on,
                               a.coma, a.dementia, a.risk_events, e.capability_level AS elder_level,
                               (SELECT count(*) FROM assessment o WHERE o.elder_id = e.id) AS assessments_of_elder
                        FROM assessment a JOIN elder e ON e.id = a.elder_id
                        WHERE e.demo AND a.created_by = 'demo'
                        """)
                .query(StoredAssessment.class).list();

        assertThat(assessments).hasSizeGreaterThan(SAMPLE / 6).allSatisfy(stored -> {
            Map<AssessmentItem, Integer> items = scores.get(stored.id());
            assertThat(items).as("item scores").containsOnlyKeys(AssessmentItem.values());
            AssessmentResult result = CapabilityScoring.score(items, stored.coma(), stored.dementia(), stored.riskEvents());
            assertThat(stored.total()).isEqualTo(result.total());
            assertThat(stored.baseLevel()).isEqualTo(result.baseLevel().code());
            assertThat(stored.level()).isEqualTo(result.level().code()).isEqualTo(stored.baseLevel());
            assertThat(stored.reason()).isEqualTo(AssessmentReason.FIRST.name());
            assertThat(stored.assessor()).isEqualTo(DemoElders.ASSESSOR);
            assertThat(stored.assessedOn()).isBetween(anchor.minusYears(2), anchor);
            if (stored.assessmentsOfElder() == 1) {
                assertThat(stored.elderLevel()).isEqualTo(stored.level());
            }
        });
        // Every level occurs, most assessed elders are able or mildly disabled.
        Map<Integer, Long> byLevel = new HashMap<>();
        assessments.forEach(a -> byLevel.merge(a.level(), 1L, Long::sum));
        assertThat(byLevel).containsOnlyKeys(0, 1, 2, 3, 4);
        assertThat(byLevel.get(0) + byLevel.get(1)).isGreaterThan(assessments.size() / 2L);
        assertThat(count("SELECT count(*) FROM elder e WHERE demo AND capability_level IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.elder_id = e.id)")).isZero();
    }

    record DemoElder(String residentId, String sex, LocalDate birthDate, boolean hukouLocal, String hukouRegionCode,
                     String communityCode, boolean asGenerated) {
    }

    record StoredAssessment(long id, int total, int baseLevel, int level, String reason, String assessor,
                            LocalDate assessedOn, boolean coma, boolean dementia, int riskEvents, Integer elderLevel,
                            long assessmentsOfElder) {
    }

    /** Demo persons present under more than one resident ID. */
    private int personsGeneratedTwice() {
        return count("SELECT count(*) - count(DISTINCT " + PERSON + ") FROM elder WHERE demo");
    }

    private int demoElderCount() {
        return count("SELECT count(*) FROM elder WHERE demo");
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private LocalDate anchorDate() {
        // the day of the first generation (created_at is dated a year before it: issue 20 §8)
        return jdbc.sql("SELECT min(updated_at)::date FROM elder WHERE demo AND created_by = 'demo'")
                .query(LocalDate.class).single();
    }

    /** Generated content of the demo elders with an id above {@code afterId}, by resident ID. */
    private Map<String, String> demoContent(long afterId) {
        Map<String, String> content = new HashMap<>();
        jdbc.sql("SELECT resident_id, " + CONTENT + " AS content FROM elder WHERE demo AND id > :id")
                .param("id", afterId)
                .query(rs -> {
                    content.put(rs.getString("resident_id"), rs.getString("content"));
                });
        return content;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
