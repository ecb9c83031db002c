package org.yinling.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yinling.account.CurrentUser;
import org.yinling.region.Regions;
import org.yinling.subsidy.SubsidyPolicies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month-by-month rules of payment generation, and exactly-once under repetition, concurrency and a crash.
 * Every test works in its own years (batches are per district and month) and looks only at its own elders.
 */
@SpringBootTest
class PaymentGenerationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    BatchService service;
    @Autowired
    LineWriter lineWriter;
    @Autowired
    SubsidyPolicies policies;
    @Autowired
    Regions regions;
    @Autowired
    UserDetailsService users;

    PaymentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PaymentFixtures(jdbc, json);
    }

    private long generate(LocalDate month) {
        long id = batches.create(PaymentFixtures.DISTRICT, month, true, "district");
        assertThat(generator.generate(id)).isTrue();
        assertThat(batches.findAny(id).orElseThrow().state()).isEqualTo(BatchState.GENERATED);
        return id;
    }

    @Test
    void turningNinetyMidMonthPaysTheHigherTierFromTheNextMonthWithoutBackPay() {
        long policy = fixtures.policy("PAY-T90", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1941, 5, 15));   // 90 on 2031-05-15
        long bornFirst = fixtures.elder(LocalDate.of(1941, 6, 1)); // 90 on 2031-06-01
        fixtures.entitlement(elder, policy, "PAY-T90", LocalDate.of(2031, 4, 1), 0, "100");
        fixtures.entitlement(bornFirst, policy, "PAY-T90", LocalDate.of(2031, 4, 1), 0, "100");

        for (int month = 4; month <= 7; month++) {
            generate(LocalDate.of(2031, month, 1));
        }

        assertThat(fixtures.lines(elder)).containsExactly(
                "2031-04 REGULAR 100.00 PENDING", "2031-05 REGULAR 100.00 PENDING",
                "2031-06 REGULAR 500.00 PENDING", "2031-07 REGULAR 500.00 PENDING");
        // turning 90 on the 1st of June is turning 90 in June: the new tier from July
        assertThat(fixtures.lines(bornFirst)).containsExactly(
                "2031-04 REGULAR 100.00 PENDING", "2031-05 REGULAR 100.00 PENDING",
                "2031-06 REGULAR 100.00 PENDING", "2031-07 REGULAR 500.00 PENDING");
    }

    @Test
    void deathStopsPaymentFromTheMonthAfterTheDate() {
        long policy = fixtures.policy("PAY-DEATH", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long diedOnFirst = fixtures.elder(LocalDate.of(1945, 2, 2));
        long diedOnLast = fixtures.elder(LocalDate.of(1945, 2, 3));
        fixtures.entitlement(diedOnFirst, policy, "PAY-DEATH", LocalDate.of(2032, 2, 1), 0, "100");
        fixtures.entitlement(diedOnLast, policy, "PAY-DEATH", LocalDate.of(2032, 2, 1), 0, "100");
        fixtures.died(diedOnFirst, LocalDate.of(2032, 3, 1));
        fixtures.died(diedOnLast, LocalDate.of(2032, 3, 31));

        for (int month = 2; month <= 4; month++) {
            generate(LocalDate.of(2032, month, 1));
        }

        assertThat(fixtures.lines(diedOnFirst)).containsExactly(
                "2032-02 REGULAR 100.00 PENDING", "2032-03 REGULAR 100.00 PENDING");
        assertThat(fixtures.lines(diedOnLast)).containsExactly(
                "2032-02 REGULAR 100.00 PENDING", "2032-03 REGULAR 100.00 PENDING");
    }

    @Test
    void approvalOnTheLastDayOfAMonthStartsPaymentNextMonth() {
        long policy = fixtures.policy("PAY-START", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1945, 7, 7));
        // approved on 2033-01-31: the entitlement starts in February (the fixture's application says so)
        fixtures.entitlement(elder, policy, "PAY-START", LocalDate.of(2033, 2, 1), 0, "100");

        generate(LocalDate.of(2033, 1, 1));
        generate(LocalDate.of(2033, 2, 1));

        assertThat(fixtures.lines(elder)).containsExactly("2033-02 REGULAR 100.00 PENDING");
    }

    @Test
    void anEntitlementThatMissedGeneratedMonthsIsBackPaidAndALateRegistrationForThePolicysMonths() {
        long policy = fixtures.policy("PAY-BACK", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2034, 1, 1), 3);
        generate(LocalDate.of(2034, 3, 1));
        generate(LocalDate.of(2034, 4, 1));
        // concluded after the March and April batches were generated, although it starts in March
        long missed = fixtures.elder(LocalDate.of(1950, 1, 10));
        fixtures.entitlement(missed, policy, "PAY-BACK", LocalDate.of(2034, 3, 1), 0, "100");
        // registered late: starts in May, eligible since long before; the policy pays back 3 months
        long late = fixtures.elder(LocalDate.of(1949, 8, 20));
        fixtures.entitlement(late, policy, "PAY-BACK", LocalDate.of(2034, 5, 1), 0, "100");
        // turned 80 on 2034-03-15: qualified from April only (on the last day of March aged 80), not for February
        long turned80 = fixtures.elder(LocalDate.of(1954, 3, 15));
        fixtures.entitlement(turned80, policy, "PAY-BACK", LocalDate.of(2034, 5, 1), 0, "100");

        long may = generate(LocalDate.of(2034, 5, 1));

        // March and April were covered but missed; January and February are the policy's back-pay months before
        // the start (the policy began in January 2034, so nothing earlier)
        assertThat(fixtures.lines(missed, may)).containsExactly(
                "2034-01 BACK_PAY 100.00", "2034-02 BACK_PAY 100.00", "2034-03 BACK_PAY 100.00",
                "2034-04 BACK_PAY 100.00", "2034-05 REGULAR 100.00");
        assertThat(fixtures.lines(late, may)).containsExactly(
                "2034-02 BACK_PAY 100.00", "2034-03 BACK_PAY 100.00", "2034-04 BACK_PAY 100.00",
                "2034-05 REGULAR 100.00");
        assertThat(fixtures.lines(turned80, may)).containsExactly(
                "2034-04 BACK_PAY 100.00", "2034-05 REGULAR 100.00");
        // the next month pays the month only
        long june = generate(LocalDate.of(2034, 6, 1));
        assertThat(fixtures.lines(late, june)).containsExactly("2034-06 REGULAR 100.00");
    }

    @Test
    void generatingAgainConcurrentlyOrAfterACrashNeverDuplicatesALine() throws Exception {
        long policy = fixtures.policy("PAY-ONCE", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long[] elders = new long[30];
        for (int i = 0; i < elders.length; i++) {
            elders[i] = fixtures.elder(LocalDate.of(1940 + i / 3, 1 + i % 12, 10));
            fixtures.entitlement(elders[i], policy, "PAY-ONCE", LocalDate.of(2035, 1, 1), 0, "100");
        }
        // a crash mid-way: one street's lines written, the batch still GENERATING
        long batchId = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2035, 1, 1), true, "district");
        PaymentBatch batch = batches.findAny(batchId).orElseThrow();
        lineWriter.regular(batch, policies.find(policy).orElseThrow(), "330105001%");
        assertThat(countLines(batchId, policy)).isEqualTo(30);

        // resumed by two nodes at once: one holds the lock, the other backs off (or finds it done)
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Boolean> resume = () -> generator.generate(batchId);
        List<Future<Boolean>> runs = pool.invokeAll(List.of(resume, resume));
        pool.shutdown();
        for (Future<Boolean> run : runs) {
            run.get();
        }
        assertThat(generator.generate(batchId)).isTrue();   // once more, after it finished: nothing to do

        assertThat(batches.findAny(batchId).orElseThrow().state()).isEqualTo(BatchState.GENERATED);
        assertThat(countLines(batchId, policy)).isEqualTo(30);
        for (long elder : elders) {
            assertThat(fixtures.lines(elder)).hasSize(1);
        }
        // the month cannot get a second live batch
        CurrentUser district = (CurrentUser) users.loadUserByUsername("district");
        BatchService.Creation again = service.create(LocalDate.of(2035, 1, 1), true, district);
        assertThat(again.created()).isFalse();
        assertThat(again.batchId()).isEqualTo(batchId);
        // the totals count every line of the batch once
        PaymentBatch done = batches.findAny(batchId).orElseThrow();
        // (elders' lines and organisations' lines: the demo's meal points have settled months waiting to be paid)
        assertThat(done.lineCount()).isEqualTo(jdbc.sql("""
                        SELECT (SELECT count(*) FROM payment_line WHERE batch_id = ?)
                             + (SELECT count(*) FROM payment_payee_line WHERE batch_id = ?)""")
                .params(batchId, batchId).query(Integer.class).single());
    }

    @Test
    void theGeneratorCannotApproveTheBatchAndADiscardedMonthCanBeGeneratedAgain() {
        long policy = fixtures.policy("PAY-FOUR-EYES", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1950, 9, 9));
        fixtures.entitlement(elder, policy, "PAY-FOUR-EYES", LocalDate.of(2036, 1, 1), 0, "100");
        long batchId = generate(LocalDate.of(2036, 1, 1));
        CurrentUser district = (CurrentUser) users.loadUserByUsername("district");

        assertThat(service.approve(batches.findAny(batchId).orElseThrow(), district))
                .isEqualTo(BatchService.ApprovalResult.SAME_PERSON);
        assertThat(batches.findAny(batchId).orElseThrow().state()).isEqualTo(BatchState.GENERATED);

        assertThat(service.discard(batches.findAny(batchId).orElseThrow(), district)).isTrue();
        assertThat(fixtures.lines(elder)).isEmpty();
        long again = generate(LocalDate.of(2036, 1, 1));
        assertThat(again).isNotEqualTo(batchId);
        assertThat(fixtures.lines(elder)).containsExactly("2036-01 REGULAR 100.00 PENDING");
    }

    @Test
    void aFailedLineIsPaidAgainInTheNextBatchOnceWithTheCorrectedAccount() {
        long policy = fixtures.policy("PAY-CARRY", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1951, 11, 11));
        long entitlement = fixtures.entitlement(elder, policy, "PAY-CARRY", LocalDate.of(2037, 3, 1), 0, "100");
        long march = generate(LocalDate.of(2037, 3, 1));
        jdbc.sql("UPDATE payment_line SET status = 'FAILED', failure_reason = '账户已销户' WHERE batch_id = ? AND elder_id = ?")
                .params(march, elder).update();
        jdbc.sql("UPDATE subsidy_entitlement SET payee_account = '6222999988887777' WHERE id = ?").param(entitlement).update();

        long april = generate(LocalDate.of(2037, 4, 1));
        long may = generate(LocalDate.of(2037, 5, 1));

        assertThat(fixtures.lines(elder, april)).containsExactly("2037-03 CARRIED 100.00", "2037-04 REGULAR 100.00");
        assertThat(fixtures.lines(elder, may)).containsExactly("2037-05 REGULAR 100.00");
        assertThat(jdbc.sql("SELECT payee_account FROM payment_line WHERE batch_id = ? AND elder_id = ? AND kind = 'CARRIED'")
                .params(april, elder).query(String.class).single()).isEqualTo("6222999988887777");
    }

    private int countLines(long batchId, long policyId) {
        return jdbc.sql("SELECT count(*) FROM payment_line WHERE batch_id = ? AND policy_id = ?")
                .params(batchId, policyId).query(Integer.class).single();
    }
}
