package org.yinling.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.homecare.SettlementFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * A home-care month end to end, from confirmed orders: the call-back draw, the calls, the settlement confirmed by the
 * district, the provider's line in the next payment batch (once, however often the batch is generated), and the
 * bank's receipt marking it paid.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeCarePaymentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    ReceiptImport receipts;

    @Test
    void aConfirmedSettlementIsPaidOnceAsTheProvidersLineAndTheReceiptMarksItPaid() throws Exception {
        SettlementFixtures f = new SettlementFixtures(jdbc);
        long provider = f.provider("付款测试居家服务中心");
        long item = f.item();
        LocalDate may = LocalDate.of(2019, 5, 1);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(f.confirmed(f.elder("付款老人" + i), provider, item, may, "50.00", "1.00"));
        }
        String callbacks = "/home-care/callbacks/" + provider + "/2019-05";
        mvc.perform(post(callbacks + "/draw").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.draw.DRAWN"));
        // six orders: ceil(96.04 / (1 + 95.04 / 6)) = 6, all of them are called
        for (long order : orders) {
            mvc.perform(post(callbacks + "/orders/" + order)
                            .param("outcome", order == orders.get(0) ? "NOT_DELIVERED" : "DELIVERED")
                            .param("satisfaction", "4").with(as("community")).with(csrf()))
                    .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.call.RECORDED"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_order WHERE provider_id = ? AND state = 'CALLED_BACK'")
                .param(provider).query(Integer.class).single()).isEqualTo(6);

        mvc.perform(post("/home-care/settlements/" + provider + "/2019-05/confirm").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.settlements.confirm.CONFIRMED"));
        // 6 × 50.00, less the order not delivered
        long settlement = jdbc.sql("SELECT id FROM home_care_settlement WHERE provider_id = ? AND total = 250.00")
                .param(provider).query(Long.class).single();

        long june = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2019, 6, 1), false, "district");
        assertThat(generator.generate(june)).isTrue();
        String expected = "HOME_CARE 2019-05 250.00 201906-H" + settlement + " PENDING 付款测试居家服务中心 "
                + SettlementFixtures.LANTIAN + " 6222000099990000";
        assertThat(lines(provider)).containsExactly(expected);

        // generated again (as after a crash): nothing twice
        jdbc.sql("UPDATE payment_batch SET state = 'GENERATING' WHERE id = ?").param(june).update();
        assertThat(generator.generate(june)).isTrue();
        assertThat(lines(provider)).containsExactly(expected);
        // a later batch does not pay it again
        long july = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2019, 7, 1), false, "district");
        assertThat(generator.generate(july)).isTrue();
        assertThat(lines(provider)).containsExactly(expected);

        // the batch page shows the provider's line with its kind
        mvc.perform(get("/payments/batches/" + june).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("付款测试居家服务中心")))
                .andExpect(content().string(containsString("居家上门服务结算")));

        // the bank's receipt marks it paid
        jdbc.sql("UPDATE payment_batch SET state = 'EXPORTED' WHERE id = ?").param(june).update();
        Path receipt = Files.createTempFile("receipt", ".csv");
        try {
            Files.writeString(receipt, "流水号,结果,原因\n201906-H" + settlement + ",成功,\n", StandardCharsets.UTF_8);
            ReceiptImport.Report report = receipts.apply(batches.findAny(june).orElseThrow(), receipt, "回单.csv");
            assertThat(report.paid()).isEqualTo(1);
        } finally {
            Files.deleteIfExists(receipt);
        }
        assertThat(lines(provider)).containsExactly(expected.replace("PENDING", "PAID"));
        assertThat(jdbc.sql("SELECT amount FROM payment_payee_line WHERE provider_id = ?").param(provider)
                .query(BigDecimal.class).single()).isEqualByComparingTo("250.00");
    }

    private List<String> lines(long provider) {
        return jdbc.sql("""
                        SELECT kind || ' ' || to_char(month, 'YYYY-MM') || ' ' || amount || ' ' || reference || ' ' || status
                               || ' ' || payee_name || ' ' || community_code || ' ' || payee_account
                        FROM payment_payee_line WHERE provider_id = ? ORDER BY id
                        """).param(provider).query(String.class).list();
    }
}
