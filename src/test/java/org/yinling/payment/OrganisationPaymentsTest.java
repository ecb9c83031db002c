package org.yinling.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lines paid to organisations reach the batch only through {@link OrganisationPayments} beans of the modules that
 * own their rules (institution: operating subsidy and construction grants; meal: settlements), each exactly once
 * however often the batch is generated and whatever later batch offers it again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationPaymentsTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    LineWriter lineWriter;
    @Autowired
    List<OrganisationPayments> sources;

    @Test
    void theInstitutionAndMealModulesLinesArriveOnceThroughTheirBeans() {
        assertThat(sources).extracting(source -> source.getClass().getName()).contains(
                "org.yinling.institution.OperatingSubsidyPayments", "org.yinling.institution.ConstructionGrantPayments",
                "org.yinling.meal.MealSettlementPayments");

        long home = institution("接口测试养老院");
        long bed = jdbc.sql("INSERT INTO bed (institution_id, room, label) VALUES (?, 'R', '1') RETURNING id")
                .param(home).query(Long.class).single();
        long resident = elder("接口测试甲");
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        VALUES (?, ?, ?, DATE '2041-03-01', 'SELF', FALSE, 'test')
                        """).params(resident, home, bed).update();
        // approved in March 2041, so that no batch of another test (all before 2041) pays it
        long grant = jdbc.sql("""
                        INSERT INTO construction_grant (institution_id, community_code, new_beds, tier, rate, amount, stage,
                            approved_on, created_by, updated_by, updated_at)
                        VALUES (?, ?, 10, 'SMALL', 3000, 30000, 'APPROVED', DATE '2041-03-20', 'test', 'test',
                            TIMESTAMPTZ '2041-03-20 10:00+08') RETURNING id
                        """).params(home, LANTIAN).query(Long.class).single();
        long point = mealPoint("接口测试助餐点");
        long settlement = jdbc.sql("""
                        INSERT INTO meal_settlement (meal_point_id, month, meals, per_meal_amount, operating_amount, total,
                            confirmed_by)
                        VALUES (?, DATE '2041-03-01', 40, 200, 40, 240, 'test') RETURNING id
                        """).param(point).query(Long.class).single();

        long april = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2041, 4, 1), false, "district");
        assertThat(generator.generate(april)).isTrue();
        List<String> expected = List.of(
                "CONSTRUCTION 2041-04 30000.00 - 204104-G" + grant,
                "OPERATING 2041-03 50.00 1 204104-I204103-" + home);
        assertThat(linesOf("institution_id", home)).containsExactlyElementsOf(expected);
        assertThat(linesOf("meal_point_id", point)).containsExactly("MEAL 2041-03 240.00 - 204104-M" + settlement);
        assertThat(jdbc.sql("""
                        SELECT r.elder_name || ' ' || r.category || ' ' || r.days || ' ' || r.amount
                        FROM payment_institution_resident r JOIN payment_payee_line l ON l.id = r.line_id
                        WHERE l.institution_id = ?
                        """).param(home).query(String.class).list())
                .containsExactly("接口测试甲 LOCAL 31 50.00");
        String totals = totals(april);

        // generated again (as after a crash): nothing twice, and the batch's totals are as they were
        jdbc.sql("UPDATE payment_batch SET state = 'GENERATING' WHERE id = ?").param(april).update();
        assertThat(generator.generate(april)).isTrue();
        assertThat(linesOf("institution_id", home)).containsExactlyElementsOf(expected);
        assertThat(linesOf("meal_point_id", point)).hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM payment_institution_resident r JOIN payment_payee_line l ON l.id = r.line_id
                        WHERE l.institution_id = ?
                        """).param(home).query(Long.class).single()).isEqualTo(1);
        assertThat(totals(april)).isEqualTo(totals);

        // the next month's batch pays April's operating subsidy, but neither the grant nor March's meals again
        long may = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2041, 5, 1), false, "district");
        assertThat(generator.generate(may)).isTrue();
        assertThat(linesOf("institution_id", home)).containsExactly(
                "CONSTRUCTION 2041-04 30000.00 - 204104-G" + grant,
                "OPERATING 2041-03 50.00 1 204104-I204103-" + home,
                "OPERATING 2041-04 50.00 1 204105-I204104-" + home);
        assertThat(linesOf("meal_point_id", point)).hasSize(1);
    }

    @Test
    void anyModulesSelectIsWrittenAsLinesWithTheirResidentsOnce() {
        long point = mealPoint("接口测试供应商");
        long elder = elder("接口测试乙");
        long batchId = batches.create("330105000000", LocalDate.of(2041, 8, 1), false, "district");
        PaymentBatch batch = batches.findAny(batchId).orElseThrow();
        // a source as a later module (home care) would write it: its own select, its own parameters; a line of two
        // rows, one with a resident behind it
        OrganisationPayments source = scope -> new OrganisationPayments.Lines("""
                SELECT 'MEAL_POINT' AS payee_kind, CAST(:point AS bigint) AS payee_id, 'MEAL' AS kind,
                       CAST(:month AS date) AS month, '测试' AS payee_name, CAST(:community AS text) AS community_code,
                       NULL AS payee_bank, NULL AS payee_account, 'T' || :point AS source, CAST(NULL AS bigint) AS grant_id,
                       r.amount, r.elder_id, r.elder_name, '110105194105050000' AS resident_id, 'LOCAL' AS category,
                       r.days
                FROM (VALUES (CAST(:elder AS bigint), '接口测试乙', 5, 12.50), (NULL, NULL, NULL, 2.25)) r (elder_id, elder_name, days, amount)
                WHERE CAST(:community AS text) LIKE :communityPattern
                """, Map.of("point", point, "month", scope.batchMonth().minusMonths(1), "community", LANTIAN,
                "elder", elder, "communityPattern", scope.communityPattern()));

        lineWriter.organisationLines(batch, "330105%", source);
        lineWriter.organisationLines(batch, "330105%", source);

        assertThat(linesOf("meal_point_id", point)).containsExactly("MEAL 2041-07 14.75 1 204108-T" + point);
        assertThat(jdbc.sql("""
                        SELECT r.elder_id FROM payment_institution_resident r JOIN payment_payee_line l ON l.id = r.line_id
                        WHERE l.meal_point_id = ?
                        """).param(point).query(Long.class).list()).containsExactly(elder);
        // another district's batch gets nothing from it
        lineWriter.organisationLines(batch, "330106%", source);
        assertThat(linesOf("meal_point_id", point)).hasSize(1);
        assertThat(generator.generate(batchId)).isTrue();   // leaves the batch generated, as any other
    }

    @Test
    void aSourceCannotTakeThePaymentModulesParameterNames() {
        assertThatThrownBy(() -> new OrganisationPayments.Lines("SELECT 1", Map.of("paymentBatchId", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> linesOf(String payeeColumn, long payee) {
        return jdbc.sql("""
                        SELECT kind || ' ' || to_char(month, 'YYYY-MM') || ' ' || amount || ' '
                            || COALESCE(residents::text, '-') || ' ' || reference
                        FROM payment_payee_line WHERE %s = ? ORDER BY reference
                        """.formatted(payeeColumn))
                .param(payee).query(String.class).list();
    }

    private String totals(long batchId) {
        return jdbc.sql("SELECT line_count || ' ' || amount_total FROM payment_batch WHERE id = ?").param(batchId)
                .query(String.class).single();
    }

    private long institution(String name) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, payee_bank, payee_account,
                            created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, '测试银行', '6222111122224444', 'test', 'test') RETURNING id
                        """)
                .params(name, LANTIAN).query(Long.class).single();
    }

    private long mealPoint(String name) {
        return jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, payee_bank, payee_account, created_by, updated_by)
                        VALUES (?, 'MEAL_POINT', ?, '测试银行', '6222111122225555', 'test', 'test') RETURNING id
                        """)
                .params(name, LANTIAN).query(Long.class).single();
    }

    private long elder(String name) {
        int n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1941-05-05', TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """)
                .params("11010519410505" + "%03d".formatted(n % 1000) + "X", name, LANTIAN)
                .query(Long.class).single();
    }
}
