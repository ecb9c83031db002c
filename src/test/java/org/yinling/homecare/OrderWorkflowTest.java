package org.yinling.homecare;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 18 items 5–7 on the embedded PostgreSQL: every transition of a work order through its pages, the refusals
 * that change nothing, the database's own refusal of illegal transitions, two simultaneous acceptances, the proof of
 * a visit (location, duration, signature, service-card code) and the digest that shows a later edit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderWorkflowTest {

    static final String LANTIAN = "330105001001";
    /** A 1×1 PNG. */
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    static final double HOME_LAT = 30.312000;
    static final double HOME_LON = 120.145000;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    long lantian;
    long xiangfu;
    long worker;
    long worker2;
    long colleague;
    long item;

    @BeforeEach
    void ids() {
        lantian = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ1234567X'").query(Long.class).single();
        xiangfu = jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ7654321T'").query(Long.class).single();
        worker = userId("worker");
        worker2 = userId("worker2");
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, provider_id)
                VALUES ('hc.orders.colleague', '蓝天 护理员 孙丽（测试）', 'x', 'CARE_WORKER', '330105000000', ?)
                ON CONFLICT DO NOTHING
                """).param(lantian).update();
        colleague = userId("hc.orders.colleague");
        item = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, '助洁（工单测试）', 'CLEANING', 'VISIT', 60, 'test') RETURNING id
                        """)
                .param("OT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase())
                .query(Long.class).single();
    }

    // ---- the worker's visit

    @Test
    void aVisitFromCheckInToSignatureWithEveryRefusalOnTheWay() throws Exception {
        long elder = elder();
        home(elder, HOME_LAT, HOME_LON);
        long order = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now().minusMinutes(5));

        // check-out before check-in: refused, nothing written
        assertThat(flashError(post("/home-care/work/{id}/check-out", order).param("workDone", "打扫"), "worker"))
                .isEqualTo("homecare.work.checkInFirst");
        assertThat(state(order)).isEqualTo("ACCEPTED");
        // forged or absurd locations: refused, nothing written
        for (String[] forged : new String[][] {{"abc", "120.1"}, {"91", "120"}, {"30.1", "181"}, {"NaN", "NaN"},
                {"30.1", ""}, {"1e3", "120"}, {"30.1; DROP TABLE elder", "120"}}) {
            assertThat(flashError(post("/home-care/work/{id}/check-in", order).param("latitude", forged[0])
                    .param("longitude", forged[1]), "worker")).isEqualTo("homecare.work.location.invalid");
        }
        assertThat(state(order)).isEqualTo("ACCEPTED");
        assertThat(events(order)).isZero();

        // check-in about 100 m from the home: no flag
        assertThat(flashSuccess(post("/home-care/work/{id}/check-in", order).param("latitude", "30.312900")
                .param("longitude", "120.145000"), "worker")).isEqualTo("homecare.work.checkedIn");
        Map<String, Object> row = row(order);
        assertThat(row.get("state")).isEqualTo("CHECKED_IN");
        assertThat(((Number) row.get("check_in_distance_m")).intValue()).isBetween(95, 105);
        assertThat(row.get("flag_distance")).isEqualTo(false);
        // a second check-in: refused, the first time stays
        assertThat(flashError(post("/home-care/work/{id}/check-in", order), "worker"))
                .isEqualTo("homecare.work.alreadyCheckedIn");
        assertThat(row(order).get("check_in_at")).isEqualTo(row.get("check_in_at"));
        // confirming before check-out: refused
        assertThat(flashError(post("/home-care/work/{id}/signature", order).param("signature", PNG), "worker"))
                .isEqualTo("homecare.work.checkOutFirst");

        // check-out without the work done: refused; with it: a visit of a minute against 60 × 80 % is flagged
        assertThat(flashError(post("/home-care/work/{id}/check-out", order).param("workDone", " "), "worker"))
                .isEqualTo("homecare.work.workDone.required");
        assertThat(flashSuccess(post("/home-care/work/{id}/check-out", order).param("workDone", "打扫厨房和卫生间"),
                "worker")).isEqualTo("homecare.work.checkedOut.short");
        assertThat(row(order)).containsEntry("state", "CHECKED_OUT").containsEntry("flag_duration", true)
                .containsEntry("work_done", "打扫厨房和卫生间");

        // signatures that are no PNG or too big: refused
        for (String bad : new String[] {"", "data:image/jpeg;base64,/9j/4AAQ", "data:image/png;base64,!!!",
                "data:image/png;base64," + Base64.getEncoder().encodeToString("not a png at all".getBytes()),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[300 * 1024])}) {
            assertThat(flashError(post("/home-care/work/{id}/signature", order).param("signature", bad), "worker"))
                    .isEqualTo("homecare.work.signature.invalid");
        }
        assertThat(state(order)).isEqualTo("CHECKED_OUT");

        assertThat(flashSuccess(post("/home-care/work/{id}/signature", order).param("signature", PNG), "worker"))
                .isEqualTo("homecare.work.confirmed");
        row = row(order);
        assertThat(row).containsEntry("state", "CONFIRMED").containsEntry("confirmation", "SIGNATURE");
        assertThat((String) row.get("digest")).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_signature WHERE order_id = ?").param(order)
                .query(Long.class).single()).isOne();
        assertThat(eventNames(order)).containsExactly("CHECKED_IN", "CHECKED_OUT", "CONFIRMED");

        // the detail page: unchanged; after an edit behind the application's back: changed
        String page = page("/home-care/orders/" + order, "district");
        assertThat(page).contains("id=\"digest-status\"").contains("结单后未改动");
        jdbc.sql("UPDATE home_care_order SET work_done = '什么也没做' WHERE id = ?").param(order).update();
        assertThat(page("/home-care/orders/" + order, "district")).contains("结单后已被改动");
    }

    @Test
    void aCheckInFarFromTheHomeIsFlaggedNotRefused() throws Exception {
        long elder = elder();
        home(elder, HOME_LAT, HOME_LON);
        long order = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now());
        assertThat(flashSuccess(post("/home-care/work/{id}/check-in", order).param("latitude", "30.322000")
                .param("longitude", "120.145000"), "worker")).isEqualTo("homecare.work.checkedIn.far");
        Map<String, Object> row = row(order);
        assertThat(row).containsEntry("state", "CHECKED_IN").containsEntry("flag_distance", true);
        assertThat(((Number) row.get("check_in_distance_m")).intValue()).isBetween(1100, 1125);
        assertThat(page("/home-care/orders/" + order, "district")).contains("超出签到半径");
    }

    @Test
    void theFirstVisitsLocationBecomesTheHome() throws Exception {
        long elder = elder();
        long order = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now());
        flashSuccess(post("/home-care/work/{id}/check-in", order).param("latitude", "30.3")
                .param("longitude", "120.1"), "worker");
        assertThat(jdbc.sql("SELECT source || ' ' || latitude || ' ' || longitude FROM home_care_elder_location WHERE elder_id = ?")
                .param(elder).query(String.class).single()).isEqualTo("FIRST_VISIT 30.300000 120.100000");
        assertThat(row(order).get("check_in_distance_m")).isNull();
    }

    @Test
    void aCheckInWithoutLocationIsTakenWithoutDistance() throws Exception {
        long order = order(elder(), "ACCEPTED", lantian, worker, OffsetDateTime.now());
        flashSuccess(post("/home-care/work/{id}/check-in", order), "worker");
        assertThat(row(order)).containsEntry("state", "CHECKED_IN").containsEntry("check_in_latitude", null);
    }

    @Test
    void theServiceCardCodeConfirmsAndThreeWrongCodesFlagTheOrder() throws Exception {
        long elder = elder();
        // the district issues the card: the code is shown once and stored hashed
        FlashMap flash = mvc.perform(post("/home-care/elders/{id}/card", elder).with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        String code = (String) flash.get("cardCode");
        assertThat(code).matches("\\d{6}");
        String hash = jdbc.sql("SELECT code_hash FROM home_care_service_card WHERE elder_id = ?").param(elder)
                .query(String.class).single();
        assertThat(hash).doesNotContain(code);
        assertThat(encoder.matches(code, hash)).isTrue();
        String wrong = code.equals("000000") ? "111111" : "000000";

        long first = order(elder, "CHECKED_OUT", lantian, worker, OffsetDateTime.now().minusHours(2));
        assertThat(flashError(post("/home-care/work/{id}/card-code", first).param("code", wrong), "worker"))
                .isEqualTo("homecare.work.code.wrong");
        assertThat(flashError(post("/home-care/work/{id}/card-code", first).param("code", "abc"), "worker"))
                .isEqualTo("homecare.work.code.wrong");
        assertThat(flashError(post("/home-care/work/{id}/card-code", first).param("code", wrong), "worker"))
                .isEqualTo("homecare.work.code.locked");
        assertThat(row(first)).containsEntry("flag_code", true).containsEntry("state", "CHECKED_OUT");
        // even the right code is refused now: the elder signs instead
        assertThat(flashError(post("/home-care/work/{id}/card-code", first).param("code", code), "worker"))
                .isEqualTo("homecare.work.code.locked");
        assertThat(row(first)).containsEntry("state", "CHECKED_OUT").containsEntry("code_attempts", 3);
        assertThat(page("/home-care/work/" + first, "worker")).contains("id=\"code-locked\"");

        long second = order(elder, "CHECKED_OUT", lantian, worker, OffsetDateTime.now().minusHours(1));
        assertThat(flashSuccess(post("/home-care/work/{id}/card-code", second).param("code", code), "worker"))
                .isEqualTo("homecare.work.confirmed");
        assertThat(row(second)).containsEntry("state", "CONFIRMED").containsEntry("confirmation", "CARD_CODE")
                .containsEntry("flag_code", false);

        // rotating the card: the old code no longer works
        mvc.perform(post("/home-care/elders/{id}/card", elder).with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long third = order(elder, "CHECKED_OUT", lantian, worker, OffsetDateTime.now().minusMinutes(30));
        String rotated = jdbc.sql("SELECT code_hash FROM home_care_service_card WHERE elder_id = ?").param(elder)
                .query(String.class).single();
        if (!encoder.matches(code, rotated)) {
            assertThat(flashError(post("/home-care/work/{id}/card-code", third).param("code", code), "worker"))
                    .isEqualTo("homecare.work.code.wrong");
        }
    }

    @Test
    void aWorkerCannotReachAnotherWorkersOrder() throws Exception {
        long order = order(elder(), "ACCEPTED", lantian, worker, OffsetDateTime.now());
        String before = rowJson(order);
        for (String action : List.of("check-in", "check-out", "signature", "card-code")) {
            mvc.perform(post("/home-care/work/{id}/" + action, order).param("latitude", "30.3")
                            .param("longitude", "120.1").param("workDone", "x").param("signature", PNG)
                            .param("code", "123456").with(as("worker2")).with(csrf()))
                    .andExpect(status().isNotFound());
            // a colleague of the same provider does not see it either
            mvc.perform(post("/home-care/work/{id}/" + action, order).with(as("hc.orders.colleague")).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/home-care/work/{id}", order).with(as("worker2"))).andExpect(status().isNotFound());
        assertThat(rowJson(order)).isEqualTo(before);
        assertThat(events(order)).isZero();
    }

    @Test
    void theWorkersListShowsTheirOrdersAndClosedOnesOnlyForTheSettingsDays() throws Exception {
        long elder = elder();
        long today = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now());
        long others = order(elder, "ACCEPTED", lantian, colleague, OffsetDateTime.now());
        long closedRecently = order(elder, "CANCELLED", lantian, worker, OffsetDateTime.now().minusDays(2));
        jdbc.sql("UPDATE home_care_order SET closed_at = now() - INTERVAL '2 days' WHERE id = ?").param(closedRecently).update();
        long closedLongAgo = order(elder, "CANCELLED", lantian, worker, OffsetDateTime.now().minusDays(20));
        jdbc.sql("UPDATE home_care_order SET closed_at = now() - INTERVAL '8 days' WHERE id = ?").param(closedLongAgo).update();
        String list = page("/home-care/work", "worker");
        assertThat(list).contains("data-order=\"" + today + "\"").contains("data-order=\"" + closedRecently + "\"")
                .doesNotContain("data-order=\"" + others + "\"").doesNotContain("data-order=\"" + closedLongAgo + "\"");
        mvc.perform(get("/home-care/work/{id}", closedLongAgo).with(as("worker"))).andExpect(status().isNotFound());
    }

    @Test
    void theWorkersOrderPageShowsThePhoneMasksTheIdAndIsAudited() throws Exception {
        long elder = elder();
        String residentId = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elder).query(String.class).single();
        long order = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now());
        String page = page("/home-care/work/" + order, "worker");
        assertThat(page).contains("13912345678").contains(ResidentId.mask(residentId)).doesNotContain(residentId)
                .contains("/js/home-care-work-");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_ORDER_VIEWED' AND entity_id = ?
                          AND actor = 'worker'
                        """).param(String.valueOf(order)).query(Long.class).single()).isOne();
    }

    // ---- the provider's manager

    @Test
    void twoWorkersCannotBothGetTheSameOrder() throws Exception {
        for (int round = 0; round < 3; round++) {
            long order = order(elder(), "DISPATCHED", lantian, null, OffsetDateTime.now().plusDays(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<FlashMap>> answers = new ArrayList<>();
            for (long candidate : new long[] {worker, colleague}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/home-care/orders/{id}/assign", order)
                                    .param("workerId", Long.toString(candidate)).with(as("provider")).with(csrf()))
                            .andReturn().getFlashMap();
                }));
            }
            start.countDown();
            List<FlashMap> flashes = new ArrayList<>();
            for (Future<FlashMap> answer : answers) {
                flashes.add(answer.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(flashes.stream().filter(f -> "homecare.order.assigned".equals(f.get("flashSuccess")))).hasSize(1);
            FlashMap loser = flashes.stream().filter(f -> f.get("flashError") != null).findFirst().orElseThrow();
            assertThat(loser.get("flashError")).isEqualTo("homecare.order.refused.accepted");
            long winner = jdbc.sql("SELECT worker_id FROM home_care_order WHERE id = ?").param(order).query(Long.class).single();
            String winnerName = jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(winner).query(String.class).single();
            assertThat((Object[]) loser.get("flashErrorArguments")).containsExactly(winnerName);
            assertThat(eventNames(order)).containsExactly("ACCEPTED");
        }
    }

    @Test
    void theProviderAcceptsReassignsAndRefuses() throws Exception {
        long order = order(elder(), "DISPATCHED", lantian, null, OffsetDateTime.now().plusDays(1));
        // a worker of another provider, or none: refused
        assertThat(flashError(post("/home-care/orders/{id}/assign", order).param("workerId", Long.toString(worker2)),
                "provider")).isEqualTo("homecare.order.worker.invalid");
        assertThat(flashError(post("/home-care/orders/{id}/assign", order).param("workerId", "x"), "provider"))
                .isEqualTo("homecare.order.worker.invalid");
        assertThat(state(order)).isEqualTo("DISPATCHED");
        assertThat(flashSuccess(post("/home-care/orders/{id}/assign", order).param("workerId", Long.toString(worker)),
                "provider")).isEqualTo("homecare.order.assigned");
        assertThat(row(order)).containsEntry("state", "ACCEPTED").containsEntry("worker_id", worker);
        assertThat(flashError(post("/home-care/orders/{id}/reassign", order).param("workerId", Long.toString(worker)),
                "provider")).isEqualTo("homecare.order.reassign.same");
        assertThat(flashSuccess(post("/home-care/orders/{id}/reassign", order)
                .param("workerId", Long.toString(colleague)), "provider")).isEqualTo("homecare.order.reassigned");
        assertThat(row(order)).containsEntry("state", "ACCEPTED").containsEntry("worker_id", colleague);
        // the old worker no longer sees it
        mvc.perform(get("/home-care/work/{id}", order).with(as("worker"))).andExpect(status().isNotFound());

        assertThat(flashError(post("/home-care/orders/{id}/refuse", order).param("reason", ""), "provider"))
                .isEqualTo("homecare.order.reason.required");
        assertThat(flashSuccess(post("/home-care/orders/{id}/refuse", order).param("reason", "人手不足"), "provider"))
                .isEqualTo("homecare.order.refusedDone");
        Map<String, Object> row = row(order);
        assertThat(row).containsEntry("state", "PENDING_DISPATCH").containsEntry("provider_id", null)
                .containsEntry("worker_id", null);
        assertThat(eventNames(order)).containsExactly("ACCEPTED", "REASSIGNED", "REJECTED");
        assertThat(jdbc.sql("SELECT provider_id || ' ' || reason FROM home_care_order_event WHERE order_id = ? AND event = 'REJECTED'")
                .param(order).query(String.class).single()).isEqualTo(lantian + " 人手不足");
        // the timeline names the people, in both languages
        String page = page("/home-care/orders/" + order, "district");
        assertThat(page).contains("拒单").contains("人手不足").contains("蓝天居家养老服务中心 周建华").contains("改派");
        String english = mvc.perform(get("/home-care/orders/{id}", order).param("lang", "en").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Refused by the provider").contains("Reassigned").contains("To dispatch");
        // the provider no longer sees the order it gave back
        mvc.perform(get("/home-care/orders/{id}", order).with(as("provider"))).andExpect(status().isNotFound());
    }

    @Test
    void anotherProviderNeitherSeesNorChangesTheOrder() throws Exception {
        long order = order(elder(), "DISPATCHED", lantian, null, OffsetDateTime.now().plusDays(1));
        String before = rowJson(order);
        mvc.perform(get("/home-care/orders/{id}", order).with(as("worker2"))).andExpect(status().isForbidden());
        for (String action : List.of("assign", "reassign", "refuse", "missed")) {
            mvc.perform(post("/home-care/orders/{id}/" + action, order).param("workerId", Long.toString(worker2))
                    .param("reason", "x").with(as("matrix.otherprovider.orders")).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(rowJson(order)).isEqualTo(before);
    }

    // ---- staff

    @Test
    void staffDispatchOnlyToAProviderServingTheCommunityAndCancelWithAReason() throws Exception {
        long order = order(elder(), "PENDING_DISPATCH", null, null, OffsetDateTime.now().plusDays(2));
        assertThat(flashError(post("/home-care/orders/{id}/dispatch", order).param("providerId", Long.toString(xiangfu)),
                "community")).isEqualTo("homecare.order.provider.invalid");
        assertThat(flashError(post("/home-care/orders/{id}/dispatch", order).param("providerId", "1 OR 1=1"),
                "community")).isEqualTo("homecare.order.provider.invalid");
        assertThat(state(order)).isEqualTo("PENDING_DISPATCH");
        String detail = page("/home-care/orders/" + order, "community");
        assertThat(detail).contains("id=\"dispatch-form\"").contains("蓝天居家养老服务中心").doesNotContain("祥符助老服务社");
        assertThat(flashSuccess(post("/home-care/orders/{id}/dispatch", order).param("providerId", Long.toString(lantian)),
                "community")).isEqualTo("homecare.order.dispatched");
        assertThat(row(order)).containsEntry("state", "DISPATCHED").containsEntry("provider_id", lantian);
        // a second dispatch (another tab): refused with the state it is in now
        assertThat(flashError(post("/home-care/orders/{id}/dispatch", order).param("providerId", Long.toString(lantian)),
                "community")).isEqualTo("homecare.order.refused.state");
        // the provider's manager may not dispatch or cancel
        mvc.perform(post("/home-care/orders/{id}/cancel", order).param("reason", "x").with(as("provider")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(flashError(post("/home-care/orders/{id}/cancel", order), "community"))
                .isEqualTo("homecare.order.reason.required");
        assertThat(flashSuccess(post("/home-care/orders/{id}/cancel", order).param("reason", "老人住院"), "community"))
                .isEqualTo("homecare.order.cancelled");
        assertThat(row(order)).containsEntry("state", "CANCELLED").containsEntry("close_reason", "老人住院");
        assertThat(flashError(post("/home-care/orders/{id}/cancel", order).param("reason", "again"), "community"))
                .isEqualTo("homecare.order.refused.state");
        assertThat(eventNames(order)).containsExactly("DISPATCHED", "CANCELLED");
    }

    @Test
    void missedVisitsAreListedForTheProviderAndTheCommunityAndCanBeMarked() throws Exception {
        long elder = elder();
        long late = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now().minusMinutes(45));
        long notYet = order(elder, "ACCEPTED", lantian, worker, OffsetDateTime.now().minusMinutes(10));
        for (String user : List.of("provider", "community")) {
            String page = page("/home-care/missed", user);
            assertThat(page).contains("/home-care/orders/" + late + "\"").doesNotContain("/home-care/orders/" + notYet + "\"")
                    .contains("id=\"missed-per-provider\"");
        }
        assertThat(page("/home-care/missed", "matrix.otherprovider.orders")).doesNotContain("/home-care/orders/" + late + "\"");
        mvc.perform(get("/home-care/missed").with(as("manager"))).andExpect(status().isForbidden());
        assertThat(flashError(post("/home-care/orders/{id}/missed", notYet), "provider"))
                .isEqualTo("homecare.order.missed.notYet");
        assertThat(state(notYet)).isEqualTo("ACCEPTED");
        assertThat(flashSuccess(post("/home-care/orders/{id}/missed", late), "provider"))
                .isEqualTo("homecare.order.missedDone");
        assertThat(state(late)).isEqualTo("MISSED");
        // a missed order cannot be checked in any more
        mvc.perform(post("/home-care/work/{id}/check-in", late).with(as("worker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(state(late)).isEqualTo("MISSED");
    }

    @Test
    void theDistrictClearsFlagsWithANote() throws Exception {
        long order = order(elder(), "CHECKED_OUT", lantian, worker, OffsetDateTime.now().minusHours(1));
        jdbc.sql("UPDATE home_care_order SET flag_duration = TRUE WHERE id = ?").param(order).update();
        mvc.perform(post("/home-care/orders/{id}/clear-flags", order).param("note", "x").with(as("community")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(flashError(post("/home-care/orders/{id}/clear-flags", order), "district"))
                .isEqualTo("homecare.order.flags.noteRequired");
        assertThat(page("/home-care/orders?flagged=true", "district")).contains("/home-care/orders/" + order + "\"");
        assertThat(flashSuccess(post("/home-care/orders/{id}/clear-flags", order).param("note", "电话核实，老人行动不便提前结束"),
                "district")).isEqualTo("homecare.order.flags.cleared");
        assertThat(row(order)).containsEntry("flags_cleared_by", "district").containsEntry("state", "CHECKED_OUT");
        assertThat(flashError(post("/home-care/orders/{id}/clear-flags", order).param("note", "again"), "district"))
                .isEqualTo("homecare.order.flags.none");
        assertThat(page("/home-care/orders?flagged=true", "district")).doesNotContain("/home-care/orders/" + order + "\"");
    }

    @Test
    void theListIsScopedAndFiltered() throws Exception {
        long elder = elder();
        // in three days at 10:00 Beijing time; the window keeps the demo's orders of the month off the page
        LocalDate day = TestDates.today().plusDays(3);
        OffsetDateTime at = day.atTime(10, 0).atZone(TestDates.ZONE).toOffsetDateTime();
        long accepted = order(elder, "ACCEPTED", lantian, worker, at);
        long pending = order(elder, "PENDING_DISPATCH", null, null, at);
        String window = "&from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
        String all = page("/home-care/orders?region=" + LANTIAN + window, "community");
        assertThat(all).contains("/home-care/orders/" + accepted + "\"").contains("/home-care/orders/" + pending + "\"");
        String filtered = page("/home-care/orders?state=ACCEPTED&provider=" + lantian + window, "community");
        assertThat(filtered).contains("/home-care/orders/" + accepted + "\"").doesNotContain("/home-care/orders/" + pending + "\"");
        // the provider sees only its orders; another community's clerk sees neither
        assertThat(page("/home-care/orders?state=PENDING_DISPATCH", "provider")).doesNotContain("/home-care/orders/" + pending + "\"");
        assertThat(page("/home-care/orders", "matrix.othercommunity.orders")).doesNotContain("/home-care/orders/" + accepted + "\"");
        // hostile filters: the page, not an error
        page("/home-care/orders?state=%27&provider=abc&region=33%25&from=2026-13-45&to=x&page=-5", "community");
    }

    @Test
    void communityStaffSetTheHomeLocation() throws Exception {
        long elder = elder();
        assertThat(flashError(post("/home-care/elders/{id}/location", elder).param("latitude", "300")
                .param("longitude", "120"), "community")).isEqualTo("homecare.work.location.invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_elder_location WHERE elder_id = ?").param(elder)
                .query(Long.class).single()).isZero();
        assertThat(flashSuccess(post("/home-care/elders/{id}/location", elder).param("latitude", "30.31")
                .param("longitude", "120.14"), "community")).isEqualTo("homecare.elder.location.saved");
        assertThat(jdbc.sql("SELECT source FROM home_care_elder_location WHERE elder_id = ?").param(elder)
                .query(String.class).single()).isEqualTo("COMMUNITY");
        mvc.perform(post("/home-care/elders/{id}/location", elder).param("latitude", "30").param("longitude", "120")
                .with(as("matrix.othercommunity.orders")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/home-care/elders/{id}/card", elder).with(as("community")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page("/home-care/elders/" + elder + "/card", "district")).contains("id=\"card-form\"");
    }

    // ---- the database's own guard

    @Test
    void theDatabaseRefusesIllegalTransitionsWhateverTheApplicationDoes() {
        long accepted = order(elder(), "ACCEPTED", lantian, worker, OffsetDateTime.now());
        // check-out before check-in
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE home_care_order SET state = 'CHECKED_OUT', check_in_at = now(), check_out_at = now() WHERE id = ?
                """).param(accepted).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is not allowed");
        // confirmed straight from accepted
        assertThatThrownBy(() -> jdbc.sql("UPDATE home_care_order SET state = 'CONFIRMED', confirmed_at = now() WHERE id = ?")
                .param(accepted).update()).isInstanceOf(DataAccessException.class);
        long checkedIn = order(elder(), "CHECKED_IN", lantian, worker, OffsetDateTime.now());
        // a second check-in: a new check-in time, or a second check-in event
        assertThatThrownBy(() -> jdbc.sql("UPDATE home_care_order SET check_in_at = now() + INTERVAL '1 minute' WHERE id = ?")
                .param(checkedIn).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("checked in once");
        jdbc.sql("INSERT INTO home_care_order_event (order_id, event, from_state, to_state, by_user) VALUES (?, 'CHECKED_IN', 'ACCEPTED', 'CHECKED_IN', 'test')")
                .param(checkedIn).update();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO home_care_order_event (order_id, event, from_state, to_state, by_user) VALUES (?, 'CHECKED_IN', 'ACCEPTED', 'CHECKED_IN', 'test')")
                .param(checkedIn).update()).isInstanceOf(DataAccessException.class);
        // back from checked in to accepted
        assertThatThrownBy(() -> jdbc.sql("UPDATE home_care_order SET state = 'ACCEPTED' WHERE id = ?").param(checkedIn)
                .update()).isInstanceOf(DataAccessException.class);
        // the log is append-only
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM home_care_order_event WHERE order_id = ?").param(checkedIn).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(state(accepted)).isEqualTo("ACCEPTED");
        assertThat(state(checkedIn)).isEqualTo("CHECKED_IN");
    }

    // ---- helpers

    private String flashError(MockHttpServletRequestBuilder request, String user) throws Exception {
        FlashMap flash = mvc.perform(request.with(as(user)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap();
        assertThat(flash.get("flashSuccess")).isNull();
        return (String) flash.get("flashError");
    }

    private String flashSuccess(MockHttpServletRequestBuilder request, String user) throws Exception {
        FlashMap flash = mvc.perform(request.with(as(user)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap();
        assertThat(flash.get("flashError")).as("error %s", flash.get("flashError")).isNull();
        return (String) flash.get("flashSuccess");
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long elder() {
        ensureOtherUsers();
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(1, 999);
            LocalDate birth = LocalDate.of(1930 + sequence % 15, 1 + sequence % 12, 1 + sequence % 28);
            String body = "330105" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, phone,
                                address, living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, '工单测试老人', 'FEMALE', ?, TRUE, ?, '13912345678', '蓝天社区 3 幢 2 单元 101',
                                    'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), birth, LANTIAN).query(Long.class).list();
            if (!inserted.isEmpty()) {
                return inserted.get(0);
            }
        }
    }

    /** A manager of the other provider and a clerk of 瓜山 community, for the scope checks. */
    private void ensureOtherUsers() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, provider_id)
                VALUES ('matrix.otherprovider.orders', '祥符 负责人（测试）', 'x', 'PROVIDER_MANAGER', '330105000000', ?)
                ON CONFLICT DO NOTHING
                """).param(xiangfu).update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('matrix.othercommunity.orders', '瓜山 社区（测试）', 'x', 'COMMUNITY_CLERK', '330105001002')
                ON CONFLICT DO NOTHING
                """).update();
    }

    private void home(long elder, double lat, double lon) {
        jdbc.sql("""
                INSERT INTO home_care_elder_location (elder_id, latitude, longitude, source, set_by)
                VALUES (?, ?, ?, 'COMMUNITY', 'test')
                """).params(elder, lat, lon).update();
    }

    private long order(long elder, String state, Long provider, Long worker, OffsetDateTime scheduledAt) {
        boolean checkedIn = List.of("CHECKED_IN", "CHECKED_OUT").contains(state);
        return jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, worker_id,
                            scheduled_at, state, unit_price, quantity, amount, government_share, ad_hoc, service_notes,
                            check_in_at, check_out_at, created_by)
                        VALUES (?, ?, date_trunc('month', CAST(? AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date, ?, ?, ?, ?, ?,
                                50, 1, 50, 1.00, TRUE, '钥匙在门口鞋柜', ?, ?, 'test')
                        RETURNING id
                        """)
                .params(elder, LANTIAN, scheduledAt, item, provider, worker, scheduledAt, state,
                        checkedIn ? scheduledAt : null, state.equals("CHECKED_OUT") ? scheduledAt.plusMinutes(55) : null)
                .query(Long.class).single();
    }

    private String state(long order) {
        return jdbc.sql("SELECT state FROM home_care_order WHERE id = ?").param(order).query(String.class).single();
    }

    private Map<String, Object> row(long order) {
        return jdbc.sql("SELECT * FROM home_care_order WHERE id = ?").param(order).query().singleRow();
    }

    private String rowJson(long order) {
        return jdbc.sql("SELECT row_to_json(o)::text FROM home_care_order o WHERE id = ?").param(order)
                .query(String.class).single();
    }

    private long events(long order) {
        return jdbc.sql("SELECT count(*) FROM home_care_order_event WHERE order_id = ?").param(order).query(Long.class).single();
    }

    private List<String> eventNames(long order) {
        return jdbc.sql("SELECT event FROM home_care_order_event WHERE order_id = ? ORDER BY id").param(order)
                .query(String.class).list();
    }
}
