package org.yinling.payment;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service-budget policy (issue 18: 居家养老服务补贴 buys services, it pays no cash) gets no payment line: not the
 * month's, not a back pay, not a failed line carried again; a cash policy's entitlement beside it is paid as before.
 * Its own years (2040 and 2042; OrganisationPaymentsTest has 2041).
 */
@SpringBootTest
class ServiceBudgetPaymentTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;

    PaymentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PaymentFixtures(jdbc, json);
    }

    @Test
    void theBatchPaysTheCashEntitlementButNotTheDemoServiceBudgetOfJujia() {
        long jujia = jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'JUJIA' AND status = 'PUBLISHED'")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT delivery FROM subsidy_policy WHERE id = ?").param(jujia).query(String.class)
                .single()).isEqualTo("SERVICE_BUDGET");
        long cash = fixtures.policy("PAY-SB-CASH", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1950, 5, 5));
        fixtures.entitlement(elder, jujia, "JUJIA", LocalDate.of(2040, 1, 1), 0, "160");
        fixtures.entitlement(elder, cash, "PAY-SB-CASH", LocalDate.of(2040, 1, 1), 0, "100");

        generate(LocalDate.of(2040, 1, 1));

        assertThat(fixtures.lines(elder)).containsExactly("2040-01 REGULAR 100.00 PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_line WHERE elder_id = ? AND policy_id = ?")
                .params(elder, jujia).query(Integer.class).single()).isZero();
    }

    @Test
    void aPolicyTurnedIntoAServiceBudgetHasItsFailedLinesNotCarriedAndNoBackPay() {
        long policy = fixtures.policy("PAY-SB-TURN", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2030, 1, 1), 3);
        long elder = fixtures.elder(LocalDate.of(1950, 6, 6));
        fixtures.entitlement(elder, policy, "PAY-SB-TURN", LocalDate.of(2042, 3, 1), 0, "100");
        long march = generate(LocalDate.of(2042, 3, 1));
        assertThat(fixtures.lines(elder, march)).contains("2042-03 REGULAR 500.00");   // 90 years old: tier 2
        jdbc.sql("UPDATE payment_line SET status = 'FAILED', failure_reason = '账户已销户' WHERE batch_id = ? AND elder_id = ?")
                .params(march, elder).update();
        jdbc.sql("UPDATE subsidy_policy SET delivery = 'SERVICE_BUDGET', government_share = 1.00 WHERE id = ?")
                .param(policy).update();
        // a late entitlement of the same policy, which a cash policy would back-pay
        long late = fixtures.elder(LocalDate.of(1950, 7, 7));
        fixtures.entitlement(late, policy, "PAY-SB-TURN", LocalDate.of(2042, 3, 1), 0, "100");

        long april = generate(LocalDate.of(2042, 4, 1));

        assertThat(fixtures.lines(elder, april)).isEmpty();
        assertThat(fixtures.lines(late)).isEmpty();
    }

    private long generate(LocalDate month) {
        long id = batches.create(PaymentFixtures.DISTRICT, month, true, "district");
        assertThat(generator.generate(id)).isTrue();
        return id;
    }
}
