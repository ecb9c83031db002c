package org.yinling.browser;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Geolocation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a care worker on a 390 px phone opens today's order, checks in (the phone's location near the home),
 * checks out, gets the elder's signature drawn with the mouse on the canvas; a provider manager accepts a dispatched
 * order and assigns it to a worker. Screenshots in both languages.
 */
class HomeCareWorkIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCareWorkerChecksInAndOutAndTheElderSigns() {
        long elder = elder("浏览器上门老人");
        jdbc.sql("""
                INSERT INTO home_care_elder_location (elder_id, latitude, longitude, source, set_by)
                VALUES (?, 30.312000, 120.145000, 'COMMUNITY', 'test')
                """).param(elder).update();
        long order = order(elder, "ACCEPTED", "worker");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN").setGeolocation(new Geolocation(30.312400, 120.145000))
                .setPermissions(List.of("geolocation")))) {
            Page page = context.newPage();
            logIn(page, "worker", "yinling");
            page.navigate(url("/home-care/work"));
            assertThat(page.locator("[data-order=\"" + order + "\"]")).containsText("浏览器上门老人");
            screenshotsInBothLanguages(page, "home-care-work-list");
            page.click("[data-order=\"" + order + "\"]");
            assertThat(page.locator("#work-phone")).containsText("13912345678");
            screenshotsInBothLanguages(page, "home-care-work-order");

            page.click("#check-in-button");
            assertThat(page.locator("#work-state")).hasText("已签到");
            page.fill("#work-done", "打扫厨房和卫生间，陪老人聊天");
            page.click("#check-out-button");
            assertThat(page.locator("#work-state")).hasText("已签退");

            BoundingBox box = page.locator("#signature-pad").boundingBox();
            page.mouse().move(box.x + 30, box.y + 120);
            page.mouse().down();
            page.mouse().move(box.x + 90, box.y + 40, new Mouse.MoveOptions().setSteps(12));
            page.mouse().move(box.x + 160, box.y + 130, new Mouse.MoveOptions().setSteps(12));
            page.mouse().move(box.x + 260, box.y + 50, new Mouse.MoveOptions().setSteps(12));
            page.mouse().up();
            BrowserSupport.screenshot(page, "home-care-work-signature-zh");
            page.click("#signature-confirm");
            assertThat(page.locator("#work-confirmed")).isVisible();
            assertThat(page.locator("#work-state")).hasText("已确认");
            screenshotsInBothLanguages(page, "home-care-work-confirmed");
        }
        Map<String, Object> row = jdbc.sql("SELECT * FROM home_care_order WHERE id = ?").param(order).query().singleRow();
        assertThat(row).containsEntry("state", "CONFIRMED").containsEntry("confirmation", "SIGNATURE")
                .containsEntry("flag_distance", false);
        assertThat(((Number) row.get("check_in_distance_m")).intValue()).isBetween(30, 60);
        assertThat(jdbc.sql("SELECT octet_length(image) FROM home_care_signature WHERE order_id = ?").param(order)
                .query(Integer.class).single()).isGreaterThan(100);
    }

    @Test
    void aProviderManagerAcceptsAnOrderAndAssignsItToAWorker() {
        long order = order(elder("浏览器派单老人"), "DISPATCHED", null);
        long worker = jdbc.sql("SELECT id FROM app_user WHERE username = 'worker'").query(Long.class).single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "provider", "yinling");
            // the day it is due (in an hour, Beijing time): the demo's dispatched orders of other days stay off the page
            java.time.LocalDate due = java.time.ZonedDateTime.now(org.yinling.TestDates.ZONE).plusHours(1).toLocalDate();
            page.navigate(url("/home-care/orders?state=DISPATCHED&from=" + due + "&to=" + due));
            page.click("a[href$=\"/home-care/orders/" + order + "\"]");
            assertThat(page.locator("#order-state")).hasText("已派单");
            screenshotsInBothLanguages(page, "home-care-order-dispatched");
            page.selectOption("#assign-worker", Long.toString(worker));
            page.click("#assign-button");
            assertThat(page.locator("#order-state")).hasText("已接单");
            assertThat(page.locator("#order-worker")).containsText("赵芳");
            assertThat(page.locator("#order-events")).containsText("接单并指派护理员");
            screenshotsInBothLanguages(page, "home-care-order-accepted");
        }
        assertThat(jdbc.sql("SELECT worker_id FROM home_care_order WHERE id = ?").param(order).query(Long.class).single())
                .isEqualTo(worker);
    }

    private long elder(String name) {
        for (int sequence = 1; ; sequence++) {
            String body = "330105193801" + String.format("%02d", 1 + sequence % 28) + String.format("%03d", 500 + sequence);
            List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, phone,
                                address, living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'MALE', ?, TRUE, '330105001001', '13912345678', '蓝天社区 5 幢 1 单元 302',
                                    'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), name,
                            java.time.LocalDate.of(1938, 1, 1 + sequence % 28))
                    .query(Long.class).list();
            if (!inserted.isEmpty()) {
                return inserted.get(0);
            }
        }
    }

    private long order(long elder, String state, String worker) {
        long item = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, '助洁', 'CLEANING', 'VISIT', 60, 'test') RETURNING id
                        """).param("BR" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase())
                .query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, worker_id,
                            scheduled_at, state, unit_price, quantity, amount, government_share, ad_hoc, service_notes,
                            created_by)
                        SELECT ?, '330105001001', date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, ?, p.id,
                               (SELECT id FROM app_user WHERE username = ?), now() + INTERVAL '1 hour', ?, 50, 1, 50, 1.00,
                               TRUE, '老人耳背，请多敲门', 'test'
                        FROM home_care_provider p WHERE p.credit_code = '52330105MJ1234567X'
                        RETURNING id
                        """).params(elder, item, worker, state).query(Long.class).single();
    }
}
