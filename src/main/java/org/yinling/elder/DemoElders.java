package org.yinling.elder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the demo district with {@code yinling.demo.elders} believable elders (runs after the demo regions and
 * accounts). Everything happens inside PostgreSQL, set-based: a million elders load in a minute or two.
 *
 * <p>Demo person {@code n} (1..N) is a pure function of {@code n}, the anchor date and the demo regions:
 * every random choice is {@code demo_uniform(n, salt)}, a hash (migration V5). The anchor date is the day the
 * first demo elder was generated (their earliest {@code updated_at}: {@code created_at}, the registration, is dated a
 * year before it, so that past months' reports count the demo elders), so a later run with a larger target rebuilds persons 1..N exactly, resident IDs
 * included, and {@code ON CONFLICT (resident_id) DO NOTHING} adds only the new ones. A run never updates or
 * removes an existing row, and does nothing when the demo elders already number the target.
 *
 * <p>The shapes come from the domain guide and seed 000/002: an aging pyramid with 15–20 % aged 80+, more women at
 * higher ages, 8 % with their 户籍 elsewhere, the living arrangements and hardship categories in roughly the shares
 * a district reports, and a GB/T 42195-2022 assessment for about a quarter, the older more often.
 */
@Component
@Order(DemoElders.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoElders implements ApplicationRunner {

    static final int ORDER = 30;
    /** The demo district's county code: address code of local elders' resident IDs, prefix of its communities. */
    static final String DISTRICT = "330105";
    static final String CREATED_BY = "demo";
    static final String ASSESSOR = "评估员（演示）";

    private static final Logger log = LoggerFactory.getLogger(DemoElders.class);

    /**
     * The lists every person draws from, as one row of arrays ({@code choice}). Weighted lists carry the lower
     * bounds of their items' slices of [0, 1), so that {@code items[width_bucket(u, bounds)]} picks an item with
     * probability proportional to its weight.
     */
    private static final String LISTS = """
            WITH community AS (
                SELECT code, name, registered_population
                FROM region
                WHERE level = 'COMMUNITY' AND demo AND code LIKE :district || '%' AND registered_population > 0
            ),
            weighted (list, item, weight) AS (
                -- Age on the anchor date. Gompertz survival from 60 (mortality 1.1 % a year at 60, times e every
                -- ten years) gives about 18 % aged 80+, 2.4 % aged 90+ and 3 in 10,000 aged 100+.
                SELECT 'age', lpad(age::text, 3, '0'), exp(-0.11 * (exp(0.1 * (age - 60)) - 1))
                FROM generate_series(60, 105) AS age
                UNION ALL
                -- Elders live where people are registered, so villages (fewer residents) get fewer elders.
                SELECT 'community', code, registered_population FROM community
                UNION ALL
                -- Surnames by frequency per mille, nudged towards Zhejiang (more 陈 吴 周 徐 沈 钱 金 俞).
                SELECT 'surname', surname, weight FROM (VALUES
                    ('王', 71), ('李', 70), ('张', 68), ('陈', 60), ('刘', 54), ('杨', 31), ('吴', 28), ('周', 25), ('赵', 23),
                    ('黄', 22), ('徐', 22), ('孙', 15), ('胡', 13), ('朱', 12), ('马', 12), ('郑', 12), ('何', 12), ('林', 11),
                    ('高', 11), ('郭', 11), ('沈', 10), ('罗', 9), ('梁', 8), ('谢', 7), ('宋', 7), ('唐', 7), ('许', 6), ('韩', 6),
                    ('冯', 6), ('邓', 6), ('曹', 6), ('彭', 5), ('曾', 5), ('肖', 5), ('田', 5), ('董', 5), ('潘', 4), ('袁', 4),
                    ('蔡', 4), ('蒋', 4), ('余', 4), ('于', 4), ('杜', 4), ('叶', 4), ('程', 4), ('魏', 3), ('苏', 3), ('吕', 3),
                    ('丁', 3), ('任', 3), ('姚', 3), ('卢', 3), ('姜', 3), ('钱', 3), ('金', 3), ('汪', 3), ('方', 3), ('俞', 3),
                    ('崔', 2), ('钟', 2), ('谭', 2), ('陆', 2), ('范', 2), ('石', 2), ('廖', 2), ('贾', 2), ('夏', 2), ('邵', 2),
                    ('章', 2), ('楼', 1), ('应', 1), ('施', 1), ('项', 1), ('童', 1), ('欧阳', 1)) AS s (surname, weight)
                UNION ALL
                -- Who the guardian is; 'SPOUSE' becomes 配偶 and takes the sex opposite to the elder's.
                SELECT 'guardian', relation, weight FROM (VALUES
                    ('儿子', 34), ('女儿', 32), ('SPOUSE', 14), ('儿媳', 6), ('女婿', 4), ('孙子', 3), ('孙女', 2), ('侄子', 3),
                    ('外甥女', 2)) AS g (relation, weight)
            ),
            bounded AS (
                -- Each item's share as the lower bound of its slice of [0, 1): width_bucket(u, bounds) then picks an item
                -- with probability proportional to its weight.
                SELECT list, item,
                       ((sum(weight) OVER running - weight) / sum(weight) OVER (PARTITION BY list))::double precision AS lower_bound
                FROM weighted
                WINDOW running AS (PARTITION BY list ORDER BY item COLLATE "C" ROWS UNBOUNDED PRECEDING)
            ),
            -- All lists in one row that every person joins. Computed in this statement: read back from a table, the
            -- row would be compressed and every access would decompress it.
            choice AS MATERIALIZED (SELECT
                (SELECT array_agg(lower_bound ORDER BY item COLLATE "C") FROM bounded WHERE list = 'age') AS age_bounds,
                (SELECT array_agg(item ORDER BY item COLLATE "C") FROM bounded WHERE list = 'community') AS community_codes,
                (SELECT array_agg(name ORDER BY code COLLATE "C") FROM community) AS community_names,
                (SELECT array_agg(lower_bound ORDER BY item COLLATE "C") FROM bounded WHERE list = 'community') AS community_bounds,
                (SELECT array_agg(item ORDER BY item COLLATE "C") FROM bounded WHERE list = 'surname') AS surnames,
                (SELECT array_agg(lower_bound ORDER BY item COLLATE "C") FROM bounded WHERE list = 'surname') AS surname_bounds,
                (SELECT array_agg(item ORDER BY item COLLATE "C") FROM bounded WHERE list = 'guardian') AS guardian_relations,
                (SELECT array_agg(lower_bound ORDER BY item COLLATE "C") FROM bounded WHERE list = 'guardian') AS guardian_bounds,
                -- Given names of the elders' generation, the commonest first (demo_pick with a skew favours them).
                '{秀英,桂英,秀兰,玉兰,桂兰,秀珍,凤英,玉珍,玉英,兰英,淑珍,淑英,桂珍,秀芳,美华,丽华,月英,月娥,菊英,金凤,彩霞,素珍,素芬,
                  爱珍,爱华,美英,杏娟,惠芬,根娣,金娣,招娣,阿娣,小妹,雪梅,翠英,凤珍,宝珍,美娟,亚芬,月华,雅琴,秀娟,玉梅,巧英,彩娥,
                  珍,英,兰,芳,梅,娟,琴,萍,霞,芬}'::text[] AS female_names,
                '{建国,国强,德明,建华,志明,国华,振华,国庆,建平,卫东,德华,志强,永康,福生,金生,根生,水根,阿毛,明华,立新,解放,援朝,
                  国平,建军,文华,文彬,长林,有才,宝林,志刚,国良,金福,荣华,树林,海林,新民,庆华,跃进,炳南,阿根,福根,金根,永福,兴华,
                  德生,伟,强,军,平,明,华,林,勇,刚,斌,荣,福,根}'::text[] AS male_names,
                -- Given names of their children's generation, for guardians and emergency contacts.
                '{伟,磊,军,勇,杰,涛,斌,强,鹏,浩,建伟,晓东,志伟,海峰,卫国,伟民,国伟,俊,晓明,立军,建新,伟峰,文杰,小军}'::text[]
                    AS young_male_names,
                '{静,丽,敏,燕,艳,娟,霞,芳,海燕,晓燕,丽萍,红梅,雪芳,建英,丽娟,晓红,春燕,美玲,玲,慧,琳,婷,晓丽,秀丽}'::text[]
                    AS young_female_names,
                -- Where the non-local elders' numbers were issued: Hangzhou and Zhejiang first, then other provinces.
                '{330106,330102,330108,330111,330109,330122,330127,330182,330402,330502,330602,330681,330726,331082,
                  341122,340202,360102,320106,310104,510107,410105,420106,430104,350102}'::text[] AS other_counties,
                '{回族,满族,畲族,蒙古族,壮族,土家族,苗族,朝鲜族}'::text[] AS minorities,
                string_to_array(:itemMaxScores, ',')::int[] AS item_max_scores,
                string_to_array(:itemGroups, ',')::int[] AS item_groups,
                string_to_array(:levelCodes, ',')::int[] AS level_codes,
                string_to_array(:levelMinTotals, ',')::int[] AS level_min_totals,
                '{病故,因病医治无效去世,自然死亡（居家）,病故（医院出具死亡医学证明）}'::text[] AS death_reasons,
                '{随子女迁往外地居住,户籍迁出本区,入住外地养老机构,迁往外省随子女生活}'::text[] AS move_reasons
            )
            """;

    /**
     * Each person's draws. {@code identity} holds what the resident ID encodes, so that the window numbering
     * persons within a (county, birth date, sex) sorts narrow rows only; the rest is drawn afterwards. Each
     * {@code LATERAL (... OFFSET 0)} is evaluated once per person: without the OFFSET, PostgreSQL would paste the
     * expressions into every place that uses them and evaluate them many times over.
     */
    private static final String PERSONS = """
            identity AS (
                -- What the resident ID encodes: birth date (exactly `age` on the anchor date; women outlive men, so they are
                -- about half at 60, 56 % at 80 and 66 % at 90) and the county where the number was issued (8 % elsewhere).
                SELECT n, age, over_60, female, birth_date, address_code,
                       row_number() OVER (PARTITION BY address_code, birth_date, female ORDER BY n) AS nth_of_day
                FROM generate_series(1, :target) AS n
                CROSS JOIN choice AS c
                CROSS JOIN LATERAL (
                    SELECT age, (age - 60)::double precision AS over_60 -- a float keeps the formulas below off slow numeric
                    FROM (SELECT 59 + width_bucket(demo_uniform(n, 1), c.age_bounds) AS age) AS drawn
                OFFSET 0) AS a
                CROSS JOIN LATERAL (
                    SELECT demo_uniform(n, 3) < CASE WHEN age <= 80 THEN 0.48 + 0.004 * over_60
                                                     ELSE least(0.85, 0.56 + 0.01 * (over_60 - 20)) END AS female,
                           (CAST(:anchor AS date) - make_interval(years => age + 1))::date + 1 AS earliest_birth,
                           (CAST(:anchor AS date) - make_interval(years => age))::date AS latest_birth,
                           CASE WHEN demo_uniform(n, 4) < 0.92 THEN :district
                                ELSE demo_pick(c.other_counties, demo_uniform(n, 5), 2) END AS address_code
                OFFSET 0) AS s
                CROSS JOIN LATERAL (
                    SELECT earliest_birth + floor(demo_uniform(n, 2) * (latest_birth - earliest_birth + 1))::int AS birth_date
                OFFSET 0) AS b
            )
            SELECT n, age, female, birth_date, resident_id, address_code = :district AS local, community_code, address, name,
                   ethnicity, phone, living_arrangement, solitary, lost_only_child, economic_status, income_per_person,
                   disability_category, disability_level, left_behind, only_child_disabled, special_care_recipient,
                   serious_illness, guardian_name, guardian_relation, guardian_phone, emergency_name, emergency_phone,
                   life_status, life_status_date, life_status_reason, assessed_on, scores, total, level
            FROM identity AS i
            CROSS JOIN choice AS c
            -- Sequence: the n-th person of a (county, birth date, sex), so persons 1..N keep their numbers when N grows.
            -- Odd for men, even for women; each (county, date) starts elsewhere so that not all numbers begin with 001.
            -- Unique while no (county, date, sex) has more than 499 persons, which holds up to several million elders.
            CROSS JOIN LATERAL (
                SELECT address_code || to_char(birth_date, 'YYYYMMDD')
                       || lpad((2 * ((floor(demo_uniform((birth_date - DATE '1900-01-01')::bigint * 1000000 + address_code::bigint, 40)
                                           * 499)::int + nth_of_day - 1) % 499)
                                + CASE WHEN female THEN 2 ELSE 1 END)::text, 3, '0') AS first17
            OFFSET 0) AS id
            CROSS JOIN LATERAL (
                SELECT first17 || resident_id_check_character(first17) AS resident_id,
                       c.surnames[width_bucket(demo_uniform(n, 7), c.surname_bounds)] AS surname,
                       -- the other family's surname: spouse, son- or daughter-in-law, niece
                       c.surnames[width_bucket(demo_uniform(n, 34), c.surname_bounds)] AS in_law_surname,
                       width_bucket(demo_uniform(n, 6), c.community_bounds) AS community
            OFFSET 0) AS who
            CROSS JOIN LATERAL (
                SELECT surname || CASE WHEN female THEN demo_pick(c.female_names, demo_uniform(n, 8), 1.5)
                                       ELSE demo_pick(c.male_names, demo_uniform(n, 8), 1.5) END AS name,
                       CASE WHEN demo_uniform(n, 9) < 0.985 THEN '汉族'
                            ELSE demo_pick(c.minorities, demo_uniform(n, 10), 2) END AS ethnicity,
                       CASE WHEN demo_uniform(n, 15) < 0.86 THEN demo_mobile(n, 16)
                            WHEN demo_uniform(n, 15) < 0.93 THEN '0571-8' || lpad(floor(demo_uniform(n, 16) * 1e7)::bigint::text, 7, '0')
                            END AS phone,
                       c.community_codes[community] AS community_code,
                       c.community_names[community] AS community_name,
                       substr(c.community_codes[community], 10, 1) = '2' AS village
            OFFSET 0) AS person
            CROSS JOIN LATERAL (
                SELECT community_name || CASE
                           WHEN village THEN (1 + floor(demo_uniform(n, 11) * 15))::int || '组'
                               || (1 + floor(demo_uniform(n, 12) * 80))::int || '号'
                           ELSE (1 + floor(demo_uniform(n, 11) * 36))::int || '幢' || (1 + floor(demo_uniform(n, 12) * 4))::int || '单元'
                               || (1 + floor(demo_uniform(n, 13) * 7))::int || lpad((1 + floor(demo_uniform(n, 14) * 4))::int::text, 2, '0')
                               || '室' END AS address,
                       -- Living alone grows with age (widowhood), from 8.5 % at 60 to 25 %; 35 % are empty-nest couples.
                       least(0.25, 0.085 + 0.004 * over_60) AS alone_share
            OFFSET 0) AS home
            CROSS JOIN LATERAL (
                -- 孤寡 elders live alone; a 失独 couple has no child at home.
                SELECT demo_uniform(n, 20) < alone_share AND demo_uniform(n, 21) < 0.12 AS solitary,
                       demo_uniform(n, 20) >= alone_share AND demo_uniform(n, 22) < 0.007 AS lost_only_child
            OFFSET 0) AS family
            CROSS JOIN LATERAL (
                SELECT CASE WHEN demo_uniform(n, 20) < alone_share THEN 'ALONE'
                            WHEN demo_uniform(n, 20) < alone_share + 0.35 OR lost_only_child THEN 'EMPTY_NEST'
                            ELSE 'WITH_FAMILY' END AS living_arrangement,
                       -- 特困 ("三无") elders are mostly the 孤寡; the other categories are spread thinly.
                       CASE WHEN solitary THEN CASE WHEN demo_uniform(n, 23) < 0.6 THEN 'EXTREME_POVERTY'
                                                    WHEN demo_uniform(n, 23) < 0.8 THEN 'MINIMUM_LIVING'
                                                    ELSE 'NONE' END
                            WHEN demo_uniform(n, 23) < 0.003 THEN 'EXTREME_POVERTY'
                            WHEN demo_uniform(n, 23) < 0.033 THEN 'MINIMUM_LIVING'
                            WHEN demo_uniform(n, 23) < 0.048 THEN 'MARGINAL'
                            WHEN demo_uniform(n, 23) < 0.088 THEN 'LOW_INCOME'
                            ELSE 'NONE' END AS economic_status
            OFFSET 0) AS household
            CROSS JOIN LATERAL (
                -- Care flags (issue 19): a disability certificate for 6 %, a quarter of them level 1–2 (重度, 1.5 % of all),
                -- most of them physical, hearing or visual; 留守 (children away) for 5 %, among those not living with
                -- family; 优抚对象 1 %; 独生子女伤残 0.3 %; a serious illness for about 4 %, more with age.
                SELECT CASE WHEN demo_uniform(n, 80) < 0.06 THEN
                           (ARRAY['PHYSICAL', 'HEARING', 'VISUAL', 'MULTIPLE', 'MENTAL', 'INTELLECTUAL', 'SPEECH'])[
                               width_bucket(demo_uniform(n, 81), ARRAY[0, 0.45, 0.65, 0.80, 0.88, 0.95, 0.98]::double precision[])]
                           END AS disability_category,
                       CASE WHEN demo_uniform(n, 80) < 0.06 THEN
                           width_bucket(demo_uniform(n, 82), ARRAY[0, 0.10, 0.25, 0.60]::double precision[]) END AS disability_level,
                       living_arrangement <> 'WITH_FAMILY' AND NOT solitary AND NOT lost_only_child
                           AND demo_uniform(n, 83) < 0.11 AS left_behind,
                       NOT solitary AND NOT lost_only_child AND demo_uniform(n, 84) < 0.003 AS only_child_disabled,
                       demo_uniform(n, 85) < 0.01 AS special_care_recipient,
                       demo_uniform(n, 86) < 0.025 + 0.001 * over_60 AS serious_illness
            OFFSET 0) AS care
            CROSS JOIN LATERAL (
                -- Monthly income per person, in tens of yuan, where a rule needs it: for the hardship categories and for
                -- 45 % of those living alone (the home-care subsidy compares it with 490 yuan, seed 004).
                SELECT CASE WHEN economic_status <> 'NONE' OR (living_arrangement = 'ALONE' AND demo_uniform(n, 25) < 0.45)
                            THEN (lowest + 10 * floor(demo_uniform(n, 24) * ((highest - lowest) / 10 + 1)))::numeric(10, 2)
                            END AS income_per_person
                FROM (SELECT CASE economic_status WHEN 'MARGINAL' THEN 1200 WHEN 'LOW_INCOME' THEN 1500 ELSE 300 END AS lowest,
                             CASE economic_status WHEN 'EXTREME_POVERTY' THEN 900 WHEN 'MINIMUM_LIVING' THEN 1200
                                                  WHEN 'MARGINAL' THEN 1900 ELSE 2500 END AS highest) AS band
            OFFSET 0) AS income
            CROSS JOIN LATERAL (
                -- A guardian for 88 %: mostly a child, else the spouse or another relative. The 孤寡 have the community
                -- committee, a 失独 elder the spouse or a nephew.
                SELECT CASE WHEN solitary THEN 'COMMITTEE'
                            WHEN demo_uniform(n, 30) >= 0.88 THEN NULL
                            WHEN lost_only_child THEN CASE WHEN living_arrangement = 'ALONE' THEN '侄子' ELSE 'SPOUSE' END
                            WHEN living_arrangement = 'ALONE' AND drawn_relation = 'SPOUSE' THEN '女儿'
                            ELSE drawn_relation END AS relation
                FROM (SELECT c.guardian_relations[width_bucket(demo_uniform(n, 31), c.guardian_bounds)] AS drawn_relation) AS drawn
            OFFSET 0) AS kin
            CROSS JOIN LATERAL (
                SELECT CASE relation WHEN 'COMMITTEE' THEN CASE WHEN village THEN '村委会' ELSE '居委会' END
                                     WHEN 'SPOUSE' THEN '配偶' ELSE relation END AS guardian_relation,
                       CASE WHEN relation = 'COMMITTEE' THEN community_name || CASE WHEN village THEN '村委会' ELSE '居委会' END
                            WHEN relation = 'SPOUSE' THEN in_law_surname
                                || CASE WHEN female THEN demo_pick(c.male_names, demo_uniform(n, 32), 1.5)
                                        ELSE demo_pick(c.female_names, demo_uniform(n, 32), 1.5) END
                            WHEN relation IN ('儿子', '孙子', '侄子') THEN surname || demo_pick(c.young_male_names, demo_uniform(n, 32))
                            WHEN relation IN ('女儿', '孙女') THEN surname || demo_pick(c.young_female_names, demo_uniform(n, 32))
                            WHEN relation = '女婿' THEN in_law_surname || demo_pick(c.young_male_names, demo_uniform(n, 32))
                            WHEN relation IS NOT NULL THEN in_law_surname || demo_pick(c.young_female_names, demo_uniform(n, 32))
                            END AS guardian_name,
                       CASE WHEN relation = 'COMMITTEE' THEN '0571-8' || lpad(floor(demo_uniform(n, 33) * 1e7)::bigint::text, 7, '0')
                            WHEN relation IS NOT NULL THEN demo_mobile(n, 33) END AS guardian_phone
            OFFSET 0) AS guardian
            CROSS JOIN LATERAL (
                -- An emergency contact for 85 %: the guardian, or another child or relative.
                SELECT CASE WHEN demo_uniform(n, 35) < 0.45 AND relation IS NOT NULL THEN guardian_name
                            WHEN demo_uniform(n, 35) < 0.85 THEN surname || CASE WHEN demo_uniform(n, 36) < 0.5
                                THEN demo_pick(c.young_male_names, demo_uniform(n, 38))
                                ELSE demo_pick(c.young_female_names, demo_uniform(n, 38)) END
                            END AS emergency_name,
                       CASE WHEN demo_uniform(n, 35) < 0.45 AND relation IS NOT NULL THEN guardian_phone
                            WHEN demo_uniform(n, 35) < 0.85 THEN demo_mobile(n, 37) END AS emergency_phone,
                       -- Life status: about 1 % died within the last year (more at higher ages), 0.5 % moved away.
                       least(0.3, 0.002 * exp(0.1 * over_60)) AS death_share
            OFFSET 0) AS contact
            CROSS JOIN LATERAL (
                SELECT CASE WHEN demo_uniform(n, 50) < death_share THEN 'DECEASED'
                            WHEN demo_uniform(n, 50) < death_share + 0.005 THEN 'MOVED_OUT'
                            ELSE 'ACTIVE' END AS life_status
            OFFSET 0) AS status
            CROSS JOIN LATERAL (
                SELECT CASE WHEN life_status <> 'ACTIVE' THEN CAST(:anchor AS date) - 1 - floor(demo_uniform(n, 51) * 365)::int
                            END AS life_status_date,
                       CASE life_status WHEN 'DECEASED' THEN demo_pick(c.death_reasons, demo_uniform(n, 52))
                                        WHEN 'MOVED_OUT' THEN demo_pick(c.move_reasons, demo_uniform(n, 52)) END AS life_status_reason,
                       -- A capability assessment for about a quarter, more often the older (12 % at 60, 70 % at 95) ...
                       demo_uniform(n, 60) < least(0.8, 0.12 + 0.6 * power(over_60 / 35, 1.5)) AS assessed,
                       -- ... driven by a latent deficit, 0 = fully able: 40 % of the assessed 60-year-olds are intact, fewer
                       -- later, and the deficit of the others grows with age. Groups and items vary around it.
                       CASE WHEN demo_uniform(n, 62) < greatest(0.05, 0.4 - 0.008 * over_60) THEN 0
                            ELSE 0.1 + 0.9 * power(demo_uniform(n, 63), greatest(1.8, 4.5 - 0.06 * over_60)) END AS deficit
            OFFSET 0) AS life
            CROSS JOIN LATERAL (
                SELECT CASE WHEN assessed THEN least(CAST(:anchor AS date) - 1 - floor(demo_uniform(n, 61) * 730)::int,
                                                     coalesce(life_status_date - 1 - floor(demo_uniform(n, 61) * 60)::int, CAST(:anchor AS date)))
                            END AS assessed_on,
                       CASE WHEN assessed THEN ARRAY(
                           SELECT item.max_score - floor(item.max_score * least(1, deficit
                                      * (0.6 + 0.8 * demo_uniform(n, 70 + item.group_number))
                                      * (0.7 + 0.6 * demo_uniform(n, 100 + item.k))) + 0.5)::int
                           FROM unnest(c.item_max_scores, c.item_groups) WITH ORDINALITY AS item (max_score, group_number, k))
                       END AS scores
            OFFSET 0) AS assessment
            CROSS JOIN LATERAL (SELECT sum(score)::int AS total FROM unnest(scores) AS score) AS sum
            -- the level whose range holds the total (GB/T 42195-2022); demo assessments have no adjustments
            CROSS JOIN LATERAL (
                SELECT (SELECT range.code FROM unnest(c.level_codes, c.level_min_totals) AS range (code, min_total)
                        WHERE total >= range.min_total ORDER BY range.min_total DESC LIMIT 1) AS level
            ) AS capability
            """;

    private static final String DRAW_PERSONS = "CREATE TEMP TABLE demo_person ON COMMIT DROP AS\n" + LISTS + ",\n" + PERSONS;

    /**
     * Inserts in resident-ID order, which keeps most index insertions (resident ID, birth date, community) near
     * the previous one; the IDs of the elders actually inserted are kept for their assessments.
     */
    private static final String INSERT_ELDERS = """
            WITH inserted AS (
                INSERT INTO elder (resident_id, name, sex, birth_date, ethnicity, phone, hukou_region_code, hukou_local,
                                   community_code, address, living_arrangement, solitary, lost_only_child, economic_status,
                                   income_per_person, disability_category, disability_level, left_behind,
                                   only_child_disabled, special_care_recipient, serious_illness, guardian_name,
                                   guardian_relation, guardian_phone, emergency_name,
                                   emergency_phone, life_status, life_status_date, life_status_reason, capability_level,
                                   demo, created_by, updated_by, created_at)
                SELECT resident_id, name, CASE WHEN female THEN 'FEMALE' ELSE 'MALE' END, birth_date, ethnicity, phone,
                       CASE WHEN local THEN community_code END, local,
                       community_code, address, living_arrangement, solitary, lost_only_child, economic_status,
                       income_per_person, disability_category, disability_level, left_behind, only_child_disabled,
                       special_care_recipient, serious_illness, guardian_name, guardian_relation, guardian_phone,
                       emergency_name, emergency_phone, life_status, life_status_date, life_status_reason, level,
                       TRUE, :createdBy, :createdBy,
                       -- registered a year before the anchor date, so that past months' reports count them (issue 20 §8)
                       CAST(:anchor AS date) - INTERVAL '1 year'
                FROM demo_person
                ORDER BY resident_id
                ON CONFLICT (resident_id) DO NOTHING
                RETURNING id, resident_id
            )
            INSERT INTO demo_new_elder SELECT id, resident_id FROM inserted
            """;

    /** One first assessment per new elder that drew one; the scores array follows {@link AssessmentItem} order. */
    private static final String INSERT_ASSESSMENTS = """
            INSERT INTO assessment (elder_id, assessed_on, reason, item_scores, total, base_level, level, assessor,
                                    created_by, valid_until)
            SELECT e.id, p.assessed_on, 'FIRST',
                   (SELECT jsonb_object_agg(item, score)
                    FROM unnest(string_to_array(:itemNames, ','), p.scores) AS i (item, score)),
                   p.total, p.level, p.level, :assessor, :createdBy,
                   CAST(p.assessed_on + INTERVAL '12 months' AS date) - 1
            FROM demo_new_elder AS e
            JOIN demo_person AS p USING (resident_id)
            WHERE p.scores IS NOT NULL
            ORDER BY e.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int target;

    DemoElders(JdbcClient jdbc, PlatformTransactionManager transactionManager,
               @Value("${yinling.demo.elders:20000}") int target) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.target = target;
    }

    /**
     * What one run did.
     *
     * @param elders      demo elders added
     * @param assessments assessments added with them
     * @param taken       persons left out because another (non-demo) record already has their resident ID
     */
    record Added(int elders, int assessments, int taken) {

        static final Added NOTHING = new Added(0, 0, 0);
    }

    @Override
    public void run(ApplicationArguments args) {
        generate(target);
    }

    /**
     * Makes sure demo persons 1..{@code target} exist, adding the missing ones in one transaction.
     *
     * @return what was added; nothing if the demo elders already number {@code target} or more
     */
    Added generate(int target) {
        long started = System.nanoTime();
        Added added = transaction.execute(status -> addMissing(target));
        if (added.elders() > 0) {
            log.info("Demo elders: added {} elders and {} assessments in {} ms", added.elders(), added.assessments(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        if (added.taken() > 0) {
            log.warn("Demo elders: left out {} persons whose resident IDs other records already have", added.taken());
        }
        return added;
    }

    private Added addMissing(int target) {
        int existing = demoElderCount();
        if (existing >= target) {
            return Added.NOTHING;
        }
        // Room for the two big sorts (numbering within a birth date, inserting in resident-ID order), which the
        // default 4 MB would spill to disk in many small runs; for this transaction only.
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        LocalDate anchor = anchorDate();
        drawPersons(target, anchor);
        int elders = insertElders(anchor);
        // Statistics that know the new rows: the assessments' foreign-key checks then look elders up by primary key.
        // With statistics from a nearly empty table the planner may scan a whole index per check instead.
        jdbc.sql("ANALYZE elder").update();
        int assessments = insertAssessments();
        // Persons 1..target that were neither there nor added: another record holds their resident ID.
        return new Added(elders, assessments, Math.max(0, target - existing - elders));
    }

    private int demoElderCount() {
        return jdbc.sql("SELECT count(*) FROM elder WHERE demo").query(Integer.class).single();
    }

    /**
     * The day the existing demo elders were generated, or today: ages and dates count from it, so that persons
     * 1..N come out the same however much later a larger target is set.
     */
    private LocalDate anchorDate() {
        // updated_at: the insert's time, never earlier, whereas created_at is dated a year back (a record's
        // registration); an edit makes a row's updated_at later, never the minimum earlier
        return jdbc.sql("SELECT coalesce(min(updated_at)::date, CURRENT_DATE) FROM elder WHERE demo AND created_by = :by")
                .param("by", CREATED_BY)
                .query(LocalDate.class)
                .single();
    }

    /** Draws persons 1..target into the temporary table {@code demo_person}. */
    private void drawPersons(int target, LocalDate anchor) {
        jdbc.sql(DRAW_PERSONS)
                .param("target", target)
                .param("anchor", anchor)
                .param("district", DISTRICT)
                .param("itemMaxScores", joined(AssessmentItem.values(), AssessmentItem::maxScore))
                .param("itemGroups", joined(AssessmentItem.values(), item -> item.group().ordinal() + 1))
                .param("levelCodes", joined(CapabilityLevel.values(), CapabilityLevel::code))
                .param("levelMinTotals", joined(CapabilityLevel.values(), CapabilityLevel::minTotal))
                .update();
    }

    private int insertElders(LocalDate anchor) {
        jdbc.sql("CREATE TEMP TABLE demo_new_elder (id BIGINT PRIMARY KEY, resident_id TEXT NOT NULL) ON COMMIT DROP")
                .update();
        return jdbc.sql(INSERT_ELDERS).param("createdBy", CREATED_BY).param("anchor", anchor).update();
    }

    private int insertAssessments() {
        int added = jdbc.sql(INSERT_ASSESSMENTS)
                .param("itemNames", joined(AssessmentItem.values(), AssessmentItem::name))
                .param("assessor", ASSESSOR)
                .param("createdBy", CREATED_BY)
                .update();
        // the demo's first assessments hold the default 12 months (issue 21 §5): the due list and the rule attribute
        jdbc.sql("""
                        UPDATE elder e SET assessment_valid_until = a.valid_until
                        FROM demo_new_elder n JOIN assessment a ON a.elder_id = n.id
                        WHERE e.id = n.id
                        """).update();
        return added;
    }

    /** A comma-separated list for {@code string_to_array}: JDBC array parameters would need the connection. */
    private static <T> String joined(T[] values, Function<T, Object> property) {
        return Arrays.stream(values).map(property).map(String::valueOf).collect(Collectors.joining(","));
    }
}
