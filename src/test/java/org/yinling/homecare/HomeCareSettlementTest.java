package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Call-backs and provider settlements on the embedded PostgreSQL: the draw (sized, repeatable from its seed, once per
 * provider and month), the calls and their transition, the settlement's amounts on a known data set, its confirmation
 * (once, also from two tabs at the same time) and that it never changes afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeCareSettlementTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SettlementStore settlementStore;
    @Autowired
    TransactionTemplate transactions;

    private SettlementFixtures f;

    @BeforeEach
    void fixtures() {
        f = new SettlementFixtures(jdbc);
    }

    @Test
    void theDrawIsSizedRepeatableFromItsSeedAndRefusedASecondTime() throws Exception {
        long provider = f.provider("抽样测试服务社");
        long item = f.item();
        LocalDate month = LocalDate.of(2019, 3, 1);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(f.confirmed(f.elder("抽样老人" + i), provider, item, month, "40.00", "1.00"));
        }
        // an order of another month and one not yet confirmed are not in the population
        f.confirmed(f.elder("抽样老人X"), provider, item, month.plusMonths(1), "40.00", "1.00");

        String page = "/home-care/callbacks/" + provider + "/2019-03";
        mvc.perform(post(page + "/draw").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.draw.DRAWN"));
        CallbackStore.Draw draw = jdbc.sql("SELECT id, provider_id, month, seed, population, sample_size, drawn_at, "
                        + "drawn_by FROM home_care_callback_draw WHERE provider_id = ?").param(provider)
                .query((rs, row) -> new CallbackStore.Draw(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .single();
        assertThat(draw.population()).isEqualTo(30);
        assertThat(draw.sampleSize()).isEqualTo(24);   // ceil(96.04 / (1 + 95.04 / 30)) = ceil(23.04)
        List<Long> sampled = jdbc.sql("SELECT order_id FROM home_care_callback WHERE draw_id = ? ORDER BY order_id")
                .param(draw.id()).query(Long.class).list();
        assertThat(sampled).hasSize(24).allSatisfy(id -> assertThat(orders).contains(id));

        // the same seed gives the same orders: the first 24 by an integer hash of id and seed
        List<Long> again = jdbc.sql("""
                        SELECT id FROM home_care_order WHERE id = ANY(?)
                        ORDER BY hashint8extended(id, ?), id LIMIT 24
                        """).params(orders.toArray(Long[]::new), draw.seed())
                .query(Long.class).list().stream().sorted().toList();
        assertThat(again).isEqualTo(sampled);
        mvc.perform(post(page + "/recheck").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("recheckCount", 24))
                .andExpect(flash().attribute("recheckPopulation", 30));

        // a second draw is refused and changes nothing
        mvc.perform(post(page + "/draw").with(as("street")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.draw.ALREADY_DRAWN"));
        mvc.perform(post("/home-care/callbacks/draw").param("month", "2019-03").with(as("district")).with(csrf()));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_callback_draw WHERE provider_id = ?").param(provider)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT seed FROM home_care_callback_draw WHERE provider_id = ?").param(provider)
                .query(Long.class).single()).isEqualTo(draw.seed());
        assertThat(jdbc.sql("SELECT order_id FROM home_care_callback WHERE draw_id = ? ORDER BY order_id")
                .param(draw.id()).query(Long.class).list()).isEqualTo(sampled);

        // a draw tampered with (an order swapped) no longer checks out
        long outside = orders.stream().filter(id -> !sampled.contains(id)).findFirst().orElseThrow();
        jdbc.sql("UPDATE home_care_callback SET order_id = ? WHERE order_id = ?").params(outside, sampled.get(0)).update();
        mvc.perform(post(page + "/recheck").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.recheck.differs"));

        // a draw made before V34 was ordered by md5(seed || ':' || id): its re-check keeps that order
        jdbc.sql("DELETE FROM home_care_callback WHERE draw_id = ?").param(draw.id()).update();
        jdbc.sql("""
                        INSERT INTO home_care_callback (order_id, draw_id)
                        SELECT id, ? FROM home_care_order WHERE id = ANY(?) ORDER BY md5(? || ':' || id), id LIMIT 24
                        """).params(draw.id(), orders.toArray(Long[]::new), Long.toString(draw.seed())).update();
        mvc.perform(post(page + "/recheck").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.recheck.differs"));
        jdbc.sql("UPDATE home_care_callback_draw SET sample_order = 'MD5' WHERE id = ?").param(draw.id()).update();
        mvc.perform(post(page + "/recheck").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("recheckCount", 24));

        // the month's list shows the provider with its draw
        mvc.perform(get("/home-care/callbacks").param("month", "2019-03").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("抽样测试服务社")));
        // a provider's user and a manager do not do call-backs
        mvc.perform(get("/home-care/callbacks").with(as("provider"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as("manager"))).andExpect(status().isForbidden());
    }

    @Test
    void theDrawForAllProvidersSamplesEachProviderOnceSetBased() throws Exception {
        long small = f.provider("全部抽样甲");
        long large = f.provider("全部抽样乙");
        long item = f.item();
        LocalDate month = LocalDate.of(2018, 7, 1);
        for (int i = 0; i < 3; i++) {
            f.confirmed(f.elder("全抽甲" + i), small, item, month, "30.00", "1.00");
        }
        for (int i = 0; i < 12; i++) {
            f.confirmed(f.elder("全抽乙" + i), large, item, month, "30.00", "1.00");
        }
        mvc.perform(post("/home-care/callbacks/draw").param("month", "2018-07").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("drawnCount", 2));
        assertThat(jdbc.sql("""
                        SELECT d.population || '/' || d.sample_size || '/' || count(c.order_id)
                        FROM home_care_callback_draw d LEFT JOIN home_care_callback c ON c.draw_id = d.id
                        WHERE d.provider_id IN (?, ?) GROUP BY d.id, d.provider_id ORDER BY d.provider_id
                        """).params(small, large).query(String.class).list())
                .containsExactly("3/3/3", "12/11/11");   // all of 3; ceil(96.04 / (1 + 95.04 / 12)) = ceil(10.77)
        mvc.perform(post("/home-care/callbacks/draw").param("month", "2018-07").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("drawnCount", 0));
        // this month is not over: nothing is drawn
        mvc.perform(post("/home-care/callbacks/draw").param("month", org.yinling.TestDates.thisMonth().toString())
                        .with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.monthNotOver"));
    }

    @Test
    void aCallIsRecordedOnceMovesTheOrderToCalledBackAndComplaintsAreListed() throws Exception {
        long provider = f.provider("回访测试服务社");
        long item = f.item();
        LocalDate month = LocalDate.of(2019, 1, 1);
        long first = f.confirmed(f.elder("回访甲"), provider, item, month, "50.00", "1.00");
        long second = f.confirmed(f.elder("回访乙"), provider, item, month, "50.00", "1.00");
        f.confirmed(f.elder("回访丙"), provider, item, month, "50.00", "1.00");
        String page = "/home-care/callbacks/" + provider + "/2019-01";
        mvc.perform(post(page + "/draw").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.draw.DRAWN"));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_callback c JOIN home_care_callback_draw d ON d.id = c.draw_id "
                + "WHERE d.provider_id = ?").param(provider).query(Integer.class).single()).isEqualTo(3);

        // the caller sees the elder's phone, and the view is in the audit log
        String phone = jdbc.sql("SELECT e.phone FROM elder e JOIN home_care_order o ON o.elder_id = e.id WHERE o.id = ?")
                .param(first).query(String.class).single();
        long audits = viewAudits(provider);
        mvc.perform(get(page).with(as("community"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(phone)));
        assertThat(viewAudits(provider)).isEqualTo(audits + 1);

        mvc.perform(post(page + "/orders/" + first).param("outcome", "NOT_DELIVERED").param("satisfaction", "2")
                        .param("note", "老人说当天没人来").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.call.RECORDED"));
        assertThat(jdbc.sql("SELECT state FROM home_care_order WHERE id = ?").param(first).query(String.class).single())
                .isEqualTo("CALLED_BACK");
        assertThat(jdbc.sql("""
                        SELECT event || ' ' || from_state || ' ' || to_state || ' ' || by_user FROM home_care_order_event
                        WHERE order_id = ? ORDER BY id DESC LIMIT 1
                        """).param(first).query(String.class).single())
                .isEqualTo("CALLED_BACK CONFIRMED CALLED_BACK community");
        assertThat(jdbc.sql("SELECT outcome || ' ' || satisfaction || ' ' || called_by FROM home_care_callback WHERE order_id = ?")
                .param(first).query(String.class).single()).isEqualTo("NOT_DELIVERED 2 community");
        // the page names the caller by their name, as on the printed statement
        mvc.perform(get(page).with(as("community"))).andExpect(content().string(containsString("蓝天社区 张丽（演示）")));

        // once: a second call on the same order changes nothing
        mvc.perform(post(page + "/orders/" + first).param("outcome", "DELIVERED").param("satisfaction", "5")
                        .with(as("street")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.call.ALREADY_CALLED"));
        assertThat(jdbc.sql("SELECT outcome FROM home_care_callback WHERE order_id = ?").param(first)
                .query(String.class).single()).isEqualTo("NOT_DELIVERED");
        // bad input: a clear message, nothing written
        for (String[] bad : new String[][] {{"DELIVERED", "7"}, {"MAYBE", "3"}, {"DELIVERED", "x"}, {"", ""}}) {
            mvc.perform(post(page + "/orders/" + second).param("outcome", bad[0]).param("satisfaction", bad[1])
                            .with(as("community")).with(csrf()))
                    .andExpect(flash().attribute("flashError", "homecare.callbacks.call.invalid"));
        }
        assertThat(jdbc.sql("SELECT state FROM home_care_order WHERE id = ?").param(second).query(String.class).single())
                .isEqualTo("CONFIRMED");
        // an order not sampled (another provider's) is refused
        long other = f.confirmed(f.elder("回访丁"), f.provider("回访其他服务社"), item, month, "50.00", "1.00");
        mvc.perform(post(page + "/orders/" + other).param("outcome", "DELIVERED").param("satisfaction", "5")
                        .with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.callbacks.call.NOT_SAMPLED"));

        mvc.perform(post(page + "/orders/" + second).param("outcome", "COMPLAINT").param("satisfaction", "1")
                        .param("note", "服务态度差").with(as("community")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "homecare.callbacks.call.RECORDED"));
        mvc.perform(get(page).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("服务态度差")));
        mvc.perform(get("/home-care/callbacks").param("month", "2019-01").with(as("district")))
                .andExpect(status().isOk());
        assertThat(new CallbackStore(jdbc).month(new HomeCareScope(null, provider, null), month))
                .singleElement().satisfies(row -> {
                    assertThat(row.confirmed()).isEqualTo(3);
                    assertThat(row.called()).isEqualTo(2);
                    assertThat(row.toCall()).isEqualTo(1);
                    assertThat(row.complaints()).isEqualTo(1);
                });
    }

    /**
     * 20 orders of 40.00 (two at the half share), four sampled: one not delivered, one partly, two delivered (share
     * not delivered (1 + 0.5) / 4 = 0.375); one unsampled order flagged and not cleared, one flagged and cleared.
     */
    private long knownDataSet(String name, LocalDate month) {
        long provider = f.provider(name);
        long item = f.item();
        List<Long> o = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            o.add(f.confirmed(f.elder(name + i), provider, item, month, "40.00", i >= 19 ? "0.50" : "1.00"));
        }
        jdbc.sql("UPDATE home_care_order SET flag_distance = TRUE WHERE id = ?").param(o.get(4)).update();
        jdbc.sql("UPDATE home_care_order SET flag_duration = TRUE, flags_cleared_at = now(), flags_cleared_by = 'district' "
                + "WHERE id = ?").param(o.get(5)).update();
        long draw = jdbc.sql("""
                        INSERT INTO home_care_callback_draw (provider_id, month, seed, population, sample_size, drawn_by)
                        VALUES (?, ?, 1, 20, 4, 'test') RETURNING id
                        """).params(provider, month).query(Long.class).single();
        String[] outcomes = {"NOT_DELIVERED", "PARTLY", "DELIVERED", "DELIVERED"};
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                            INSERT INTO home_care_callback (order_id, draw_id, outcome, satisfaction, called_at, called_by)
                            VALUES (?, ?, ?, 3, now(), 'test')
                            """).params(o.get(i), draw, outcomes[i]).update();
        }
        // neither an order not yet confirmed nor one of another month is settled
        f.checkedOut(f.elder(name + "未完"), provider, item, month, "40.00", "1.00");
        f.confirmed(f.elder(name + "下月"), provider, item, month.plusMonths(1), "40.00", "1.00");
        return provider;
    }

    @Test
    void theSettlementOfAKnownMonthDeductsFlagsCallBacksAndTheExtrapolation() throws Exception {
        LocalDate month = LocalDate.of(2019, 2, 1);
        long provider = knownDataSet("结算已知", month);
        SettlementStore.Row row = settlementStore.month(new HomeCareScope(null, provider, null), month, null).get(0);
        assertThat(row.orders()).isEqualTo(20);
        assertThat(row.gross()).isEqualByComparingTo("800.00");
        assertThat(row.governmentAmount()).isEqualByComparingTo("760.00");   // 18 × 40 + 2 × 20
        assertThat(row.flagDeduction()).isEqualByComparingTo("40.00");       // the flag not cleared
        // 40 (not delivered) + 20 (partly) + 0.375 × (13 × 40 + 2 × 20) = 60 + 210
        assertThat(row.callbackDeduction()).isEqualByComparingTo("270.00");
        assertThat(row.total()).isEqualByComparingTo("450.00");
        List<SettlementStore.Line> lines = settlementStore.draftLines(new HomeCareScope(null, provider, null), provider, month);
        assertThat(lines).hasSize(20);
        assertThat(lines.stream().filter(l -> "EXTRAPOLATED".equals(l.deductionReason())).map(l -> l.deduction().toPlainString()))
                .hasSize(15).containsOnly("15.00", "7.50");

        // the page shows the figures, each line links to its order
        String page = "/home-care/settlements/" + provider + "/2019-02";
        mvc.perform(get(page).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("450.00")))
                .andExpect(content().string(containsString("/home-care/orders/" + lines.get(0).orderId())))
                .andExpect(content().string(containsString("id=\"settlement-confirm\"")));
        // the manager reads, the provider's own manager reads, but neither confirms
        mvc.perform(get(page).with(as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"settlement-confirm\""))));
        mvc.perform(post(page + "/confirm").with(as("manager")).with(csrf())).andExpect(status().isForbidden());
        // the demo provider's manager does not see another provider's settlement
        mvc.perform(get(page).with(as("provider"))).andExpect(status().isNotFound());
        byte[] xlsx = mvc.perform(get(page + ".xlsx").with(as("district"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        // a proper table: the title (whose statement, which month) over the frozen heads, widths, money as numbers
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith(" 2019-02 居家上门服务结算单");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(8)).isEqualTo(22 * 256);
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(9).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(total.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        mvc.perform(get(page + "/print").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("settlement-statement")));

        // with the region's extrapolation off, only the sampled orders' own outcomes are deducted
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO home_care_setting (region_code, effective_from, callback_extrapolation, created_by)
                    VALUES (?, DATE '2019-02-01', FALSE, 'test')
                    """).param(SettlementFixtures.LANTIAN).update();
            SettlementStore.Row off = settlementStore.month(new HomeCareScope(null, provider, null), month, null).get(0);
            assertThat(off.callbackDeduction()).isEqualByComparingTo("60.00");
            assertThat(off.total()).isEqualByComparingTo("660.00");
            tx.setRollbackOnly();
        });
    }

    @Test
    void aSettlementConfirmedInTwoTabsAtOnceIsWrittenOnceAndNeverChanges() throws Exception {
        LocalDate month = LocalDate.of(2018, 11, 1);
        long provider = knownDataSet("结算并发", month);
        String page = "/home-care/settlements/" + provider + "/2018-11";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> confirm = () -> {
                start.await();
                var flash = mvc.perform(post(page + "/confirm").with(as("district")).with(csrf()))
                        .andReturn().getFlashMap();
                return flash.containsKey("flashSuccess") ? flash.get("flashSuccess") : flash.get("flashError");
            };
            List<Future<Object>> results = List.of(pool.submit(confirm), pool.submit(confirm));
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("homecare.settlements.confirm.CONFIRMED",
                    "homecare.settlements.confirm.ALREADY_CONFIRMED");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_settlement WHERE provider_id = ?").param(provider)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT s.orders || ' ' || s.gross || ' ' || s.government_amount || ' ' || s.flag_deduction || ' '
                               || s.callback_deduction || ' ' || s.total || ' ' || count(l.order_id) || ' ' || sum(l.deduction)
                        FROM home_care_settlement s JOIN home_care_settlement_line l ON l.settlement_id = s.id
                        WHERE s.provider_id = ? GROUP BY s.id
                        """).param(provider).query(String.class).single())
                .isEqualTo("20 800.00 760.00 40.00 270.00 450.00 20 310.00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_SETTLEMENT_CONFIRMED' AND entity_id = ?")
                .param(Long.toString(provider)).query(Integer.class).single()).isEqualTo(1);

        // a third confirmation gets the clear message
        mvc.perform(post(page + "/confirm").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.settlements.confirm.ALREADY_CONFIRMED"));
        // an order of the month confirmed later is not added; the settlement itself cannot be changed
        long item = f.item();
        f.confirmed(f.elder("结算并发后来"), provider, item, month, "99.00", "1.00");
        mvc.perform(get(page).with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"settlement-pending\"")))
                .andExpect(content().string(containsString("450.00")))
                .andExpect(content().string(not(containsString("id=\"settlement-confirm\""))));
        assertThat(jdbc.sql("SELECT total FROM home_care_settlement WHERE provider_id = ?").param(provider)
                .query(BigDecimal.class).single()).isEqualByComparingTo("450.00");
        assertThatThrownBy(() -> jdbc.sql("UPDATE home_care_settlement SET total = 1 WHERE provider_id = ?")
                .param(provider).update()).hasStackTraceContaining("a confirmed settlement never changes");
        assertThatThrownBy(() -> jdbc.sql("""
                DELETE FROM home_care_settlement_line WHERE settlement_id IN
                    (SELECT id FROM home_care_settlement WHERE provider_id = ?)
                """).param(provider).update()).hasStackTraceContaining("a confirmed settlement never changes");
        // the month is not over: no confirmation
        String now = "/home-care/settlements/" + provider + "/" + org.yinling.TestDates.thisMonth();
        mvc.perform(post(now + "/confirm").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "homecare.settlements.confirm.MONTH_NOT_OVER"));
    }

    private long viewAudits(long provider) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_CALLBACKS_VIEWED' AND entity_id = ?")
                .param(Long.toString(provider)).query(Long.class).single();
    }
}
