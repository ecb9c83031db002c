package org.yinling.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Rates per region from a month (issue 21 §1): a district's and a street's rates override the city's from their month
 * on, a month already begun is never repriced, a generated batch keeps its amounts
 * after a change (a confirmed meal settlement: MealCategoriesTest), and the ownerships receiving the operating subsidy are the rate table's setting. Each test makes its
 * own district (other tests add institutions to the demo district).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatedRatesTest {

    private static final AtomicInteger DISTRICTS = new AtomicInteger(70);
    private static final AtomicInteger ELDERS = new AtomicInteger(600);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    MockMvc mvc;

    @Test
    void aDistrictRateFromNextMonthLeavesThisMonthAloneAndAStreetRateWinsOverIt() throws Exception {
        String prefix = district();
        String community = prefix + "001001";
        String otherStreetCommunity = prefix + "002001";
        YearMonth next = TestDates.thisMonth().plusMonths(1);
        addOperating(prefix + "000000", next, "80", "200", "405", "PRIVATE");
        addOperating(prefix + "002000", next.plusMonths(1), "90", "200", "405", "PRIVATE");

        assertThat(rateOn("LOCAL", community, TestDates.thisMonth())).isEqualByComparingTo("50");     // the city's
        assertThat(rateOn("LOCAL", community, next)).isEqualByComparingTo("80");                      // the district's
        assertThat(rateOn("LOCAL", otherStreetCommunity, next)).isEqualByComparingTo("80");
        assertThat(rateOn("LOCAL", otherStreetCommunity, next.plusMonths(1))).isEqualByComparingTo("90"); // the street's
        assertThat(rateOn("LOCAL", community, next.plusMonths(1))).isEqualByComparingTo("80");
        assertThat(rateOn("LOCAL", PaymentFixtures.COMMUNITY, next)).isEqualByComparingTo("50");     // another district

        // a month already begun is refused (unless today is its first day), and so is a month past
        YearMonth begun = TestDates.today().getDayOfMonth() == 1 ? TestDates.thisMonth().minusMonths(1)
                : TestDates.thisMonth();
        mvc.perform(post("/institutions/rates").with(as("admin")).with(csrf()).param("table", "INSTITUTION_OPERATING")
                        .param("region", prefix + "000000").param("from", begun.toString()).param("amount.LOCAL", "99"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attribute("flashError", "rate.problem.PAST"));
        assertThat(rateOn("LOCAL", community, begun)).isNotEqualByComparingTo("99");
    }

    @Test
    void aGeneratedBatchKeepsItsAmountsAfterARateChangeAndTheOwnershipsAreTheTablesSetting() throws Exception {
        String prefix = district();
        String community = prefix + "001001";
        long privateHome = institution("费率测试民办院", "PRIVATE", community);
        long socialRun = institution("费率测试公建民营院", "PUBLIC_BUILT_PRIVATE_RUN", community);
        stay(elder("NONE", community), privateHome, "2020-01-01");
        stay(elder("EXTREME_POVERTY", community), privateHome, "2020-01-01");
        stay(elder("MINIMUM_LIVING", community), socialRun, "2020-01-01");

        // before: January 2038 at the city's rates, private homes only (50 + 405)
        long before = generated(prefix + "000000", LocalDate.of(2038, 2, 1));
        assertThat(total(before)).isEqualByComparingTo("455");

        // the district raises its rates from next month and lets 公建民营 homes receive the subsidy
        YearMonth next = TestDates.thisMonth().plusMonths(1);
        addOperating(prefix + "000000", next, "80", "300", "500", "PRIVATE", "PUBLIC_BUILT_PRIVATE_RUN");

        // the batch generated before keeps every amount
        assertThat(total(before)).isEqualByComparingTo("455");
        assertThat(jdbc.sql("""
                        SELECT string_agg(r.category || ' ' || r.amount, ',' ORDER BY r.amount) FROM payment_institution_resident r
                        JOIN payment_payee_line l ON l.id = r.line_id WHERE l.batch_id = ?
                        """).param(before).query(String.class).single()).isEqualTo("LOCAL 50.00,EXTREME_POVERTY 405.00");
        // this month, begun before the change, is paid at the rates of before (the batch of next month pays it)
        long thisMonth = generated(prefix + "000000", next.atDay(1));
        assertThat(total(thisMonth)).isEqualByComparingTo("455");
        // a month after the change: the new rates, and the 公建民营 home too (80 + 500 + 300)
        long after = generated(prefix + "000000", LocalDate.of(2038, 3, 1));
        assertThat(total(after)).isEqualByComparingTo("880");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_payee_line WHERE batch_id = ? AND institution_id = ?")
                .params(after, socialRun).query(Integer.class).single()).isOne();
    }

    private void addOperating(String region, YearMonth from, String local, String minimum, String poverty,
                              String... ownerships) throws Exception {
        mvc.perform(post("/institutions/rates").with(as("admin")).with(csrf()).param("table", "INSTITUTION_OPERATING")
                        .param("region", region).param("from", from.toString()).param("amount.LOCAL", local)
                        .param("amount.MINIMUM_LIVING", minimum).param("amount.EXTREME_POVERTY", poverty)
                        .param("choices", ownerships))
                .andExpect(flash().attribute("flashSuccess", "rate.saved"));
    }

    private BigDecimal rateOn(String key, String community, YearMonth month) {
        return jdbc.sql("SELECT rate_on('INSTITUTION_OPERATING', ?, ?, ?)").params(key, community, month.atDay(1))
                .query(BigDecimal.class).single();
    }

    private long generated(String district, LocalDate month) {
        long batch = batches.create(district, month, false, "district");
        assertThat(generator.generate(batch)).isTrue();
        return batch;
    }

    private BigDecimal total(long batch) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payment_payee_line WHERE batch_id = ?").param(batch)
                .query(BigDecimal.class).single();
    }

    /** A district of its own with two streets of one community each; its 6-digit prefix. */
    private String district() throws Exception {
        String prefix = "3301" + DISTRICTS.incrementAndGet();
        region(prefix + "000000", null, "费率测试区" + prefix, false);
        for (String street : new String[] {"001", "002"}) {
            region(prefix + street + "000", prefix + "000000", "费率测试街道" + prefix + street, false);
            region(prefix + street + "001", prefix + street + "000", "费率测试社区" + prefix + street, true);
        }
        return prefix;
    }

    /** A region made on the administrator's page, so that the cached region tree knows it at once. */
    private void region(String code, String parent, String name, boolean community) throws Exception {
        var request = post("/admin/regions").with(as("admin")).with(csrf()).param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (community) {
            request.param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1000");
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    private long institution(String name, String ownership, String community) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, payee_bank, payee_account,
                            created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', ?, ?, '测试银行', '6222111122223333', 'test', 'test') RETURNING id
                        """)
                .params(name, ownership, community).query(Long.class).single();
    }

    private long elder(String economicStatus, String community) {
        int n = ELDERS.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-04-04', TRUE, ?, 'ALONE', ?, 'test', 'test') RETURNING id
                        """)
                .params("3301" + "%08d".formatted(n) + "%05d".formatted(n) + "X", "费率" + n, community, economicStatus)
                .query(Long.class).single();
    }

    private void stay(long elder, long institution, String from) {
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, 'R', ?) RETURNING id")
                .params(institution, "B" + elder).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        VALUES (?, ?, ?, CAST(? AS date), 'SELF', FALSE, 'test')
                        """)
                .params(elder, institution, bed, from).update();
    }
}
