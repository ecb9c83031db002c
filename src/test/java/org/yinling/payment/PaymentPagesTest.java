package org.yinling.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** A month's batch through its pages: generate, four eyes, bank list, receipt, recovery, and who may see what. */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentPagesTest {

    /** Batches are per district and month: this class owns September 2026 of the demo district. */
    private static final LocalDate MONTH = LocalDate.of(2026, 9, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;

    PaymentFixtures fixtures;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new PaymentFixtures(jdbc, json);
        ensureUser("district.checker", "DISTRICT_STAFF", PaymentFixtures.DISTRICT);
        ensureUser("other.district", "DISTRICT_STAFF", "330106000000");
    }

    @Test
    void aMonthIsGeneratedApprovedBySomeoneElseExportedAndSettledFromTheBanksReceipt() throws Exception {
        long policy = fixtures.policy("PAY-PAGES", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2026, 1, 1), 0);
        long paid = fixtures.elder(LocalDate.of(1936, 4, 4));
        long failed = fixtures.elder(LocalDate.of(1944, 4, 4));
        fixtures.entitlement(paid, policy, "PAY-PAGES", MONTH, 1, "500");
        fixtures.entitlement(failed, policy, "PAY-PAGES", MONTH, 0, "100");

        String location = mvc.perform(post("/payments/batches").param("month", "2026-09").param("carryFailed", "true")
                        .with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long batchId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitGenerated(batchId);
        // asking again for the month opens the same batch
        mvc.perform(post("/payments/batches").param("month", "2026-09").with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "payment.batch.exists"));

        String page = mvc.perform(get(location).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"batch-approve\""))))
                .andReturn().getResponse().getContentAsString();
        // the policy by its name (here the same as its code), no longer as "code v1" (issue 20 §2)
        assertThat(page).contains("PAY-PAGES").doesNotContain("PAY-PAGES v1");
        // the elder's line, on whichever page of the lines (other tests' entitlements of the district share the month)
        String lines = page;
        for (int p = 1; !lines.contains("付测") && p < 100 && lines.contains("page=" + p); p++) {
            lines = mvc.perform(get(location).param("page", Integer.toString(p)).with(as("district")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(lines).contains("付测");

        // the generator cannot approve; a colleague can; the bank list is for approved batches only
        long version = batches.findAny(batchId).orElseThrow().lockVersion();
        mvc.perform(get(location + "/bank-list.csv").with(as("district"))).andExpect(status().isConflict());
        mvc.perform(post(location + "/approve").param("version", Long.toString(version)).with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "payment.batch.approveSamePerson"));
        mvc.perform(post(location + "/approve").param("version", Long.toString(version))
                        .with(as("district.checker")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "payment.batch.approved"));
        assertThat(batches.findAny(batchId).orElseThrow().state()).isEqualTo(BatchState.APPROVED);

        String paidReference = reference(batchId, paid);
        String failedReference = reference(batchId, failed);
        byte[] csv = mvc.perform(get(location + "/bank-list.csv").with(as("district")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String bankList = new String(csv, StandardCharsets.UTF_8);
        assertThat(bankList).contains(paidReference, failedReference, "6222000011112222", "\"500.00\"");
        // RFC 4180 as Excel and the bank read it: a byte-order mark, every cell quoted, lines ending CRLF
        assertThat(bankList).startsWith("\uFEFF\"姓名\",\"身份证号\",\"开户银行\",\"账号\",\"金额（元）\",\"流水号\","
                + "\"所属月份\",\"类型\",\"政策（版本）\",\"社区\"\r\n");
        assertThat(bankList).contains("\",\"500.00\",\"" + paidReference + "\",\"2026-09\",\"").endsWith("\"\r\n");
        assertThat(bankList.substring(1).split("\r\n")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).startsWith("\"").endsWith("\"").doesNotContain("\n"));
        mvc.perform(get(location + "/bank-list.xlsx").with(as("district"))).andExpect(status().isOk());
        assertThat(batches.findAny(batchId).orElseThrow().state()).isEqualTo(BatchState.EXPORTED);

        // the receipt: one paid, one failed, one unknown reference and one unreadable row
        String receipt = "流水号,结果,原因\n" + paidReference + ",成功,\n" + failedReference + ",失败,账户已销户\n"
                + "202609-R-999999999,成功,\n" + paidReference + "X,也许,\n";
        // first the confirmation page with its counts (nothing applied yet), then the receipt is applied
        // (the upload waits in the session, which lives in the database and is found by its cookie)
        org.springframework.mock.web.MockHttpServletResponse uploaded = mvc.perform(multipart(location + "/receipt")
                        .file(new MockMultipartFile("file", "回单.csv", "text/csv", receipt.getBytes(StandardCharsets.UTF_8)))
                        .with(as("district")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        jakarta.servlet.http.Cookie[] session = uploaded.getCookies();
        org.jsoup.nodes.Document confirm = org.jsoup.Jsoup.parse(uploaded.getContentAsString());
        assertThat(confirm.select("#receipt-rows").text()).isEqualTo("4");
        assertThat(confirm.select("#receipt-to-pay").text()).isEqualTo("1");
        assertThat(confirm.select("#receipt-to-fail").text()).isEqualTo("1");
        assertThat(confirm.select("#receipt-unknown").text()).isEqualTo("1");
        assertThat(confirm.select("#receipt-unreadable").text()).isEqualTo("1");
        assertThat(fixtures.lines(paid)).containsExactly("2026-09 REGULAR 500.00 PENDING");
        assertThat(session).isNotEmpty();
        ReceiptImport.Report report = (ReceiptImport.Report) mvc.perform(post(location + "/receipt/confirm")
                        .cookie(session).with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("receipt");
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.paid()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.unknownReferences()).containsExactly("202609-R-999999999");
        assertThat(report.unreadableRows()).containsExactly(5);
        assertThat(fixtures.lines(paid)).containsExactly("2026-09 REGULAR 500.00 PAID");
        assertThat(fixtures.lines(failed)).containsExactly("2026-09 REGULAR 100.00 FAILED");
        assertThat(jdbc.sql("SELECT failure_reason FROM payment_line WHERE elder_id = ?").param(failed)
                .query(String.class).single()).isEqualTo("账户已销户");
        // other elders' lines of the month (if any) are still pending, so the batch is not settled by this receipt
        // unless these two were all; either way no line was changed by the unknown reference
        assertThat(jdbc.sql("SELECT count(*) FROM payment_line WHERE reference = '202609-R-999999999'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void paymentsAfterADeathAreListedForRecovery() throws Exception {
        long policy = fixtures.policy("PAY-RECOVER", PaymentFixtures.AGE_ALLOWANCE, LocalDate.of(2026, 1, 1), 0);
        long elder = fixtures.elder(LocalDate.of(1935, 10, 10));
        fixtures.entitlement(elder, policy, "PAY-RECOVER", LocalDate.of(2026, 5, 1), 1, "500");
        for (LocalDate month : new LocalDate[] {LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)}) {
            long id = batches.create(PaymentFixtures.DISTRICT, month, false, "district");
            generator.generate(id);
        }
        jdbc.sql("UPDATE payment_line SET status = 'PAID', settled_at = now() WHERE elder_id = ?").param(elder).update();

        // the death is recorded after both months were paid: June was paid after the month of death
        mvc.perform(post("/elders/{id}/deceased", elder).param("date", "2026-05-20").param("reason", "病故")
                        .with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/payments/recoveries").with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/elders/" + elder)));
        assertThat(jdbc.sql("SELECT to_char(l.month, 'YYYY-MM') || ' ' || r.amount FROM payment_recovery r "
                        + "JOIN payment_line l ON l.id = r.line_id WHERE r.elder_id = ?")
                .param(elder).query(String.class).list()).containsExactly("2026-06 500.00");
        // the elder's page shows the payment history
        mvc.perform(get("/payments/elders/{id}/history", elder).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-06")));
    }

    @Test
    void onlyTheDistrictSeesItsBatches() throws Exception {
        long batchId = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2026, 8, 1), false, "district");
        generator.generate(batchId);
        mvc.perform(get("/payments/batches/{id}", batchId).with(as("district"))).andExpect(status().isOk());
        mvc.perform(get("/payments/batches/{id}", batchId).with(as("other.district"))).andExpect(status().isNotFound());
        mvc.perform(get("/payments/batches/{id}/bank-list.csv", batchId).with(as("other.district")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/batches").with(as("street"))).andExpect(status().isForbidden());
        mvc.perform(get("/payments/batches/{id}", batchId).with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(post("/payments/batches").param("month", "2026-08").with(as("community")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/payments/recoveries").with(as("community"))).andExpect(status().isForbidden());
    }

    private String reference(long batchId, long elderId) {
        return jdbc.sql("SELECT reference FROM payment_line WHERE batch_id = ? AND elder_id = ?")
                .params(batchId, elderId).query(String.class).single();
    }

    private void awaitGenerated(long batchId) {
        await("batch " + batchId + " generated").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> batches.findAny(batchId).orElseThrow().state(), equalTo(BatchState.GENERATED));
    }

    private void ensureUser(String username, String role, String region) throws Exception {
        // a second district, through the administration page so that the region tree every node serves knows it
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = '330106000000'").query(Integer.class).single() == 0) {
            mvc.perform(post("/admin/regions").param("code", "330106000000").param("name", "西湖区（测试）")
                    .with(as("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """)
                .params(username, username, passwordEncoder.encode("Secret123"), role, region).update();
    }
}
