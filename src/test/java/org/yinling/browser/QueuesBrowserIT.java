package org.yinling.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter with an ID-card reader (the number typed, then Enter: recorded, the box cleared and focused, the meal
 * undone with a reason), the street → community cascade, and the pending work on the home page.
 */
class QueuesBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context(String locale) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale(locale));
    }

    @Test
    void anIdCardReaderRecordsTheMealAndTheBoxIsReadyForTheNext() {
        String body = "11010519351111093";
        String residentId = body + ResidentId.checkCharacter(body);
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '读卡就餐老人', 'MALE', DATE '1935-11-11', TRUE, '330105001001', 'ALONE', 'MINIMUM_LIVING', 'test', 'test')
                        """).param(residentId).update();
        long point = jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, serves_dinner, licence_number,
                            licence_expires, created_by, updated_by)
                        VALUES ('读卡测试食堂', 'CANTEEN', '330105001001', TRUE, TRUE, 'SC-R-1', CURRENT_DATE + 365, 'test', 'test')
                        RETURNING id
                        """).query(Long.class).single();
        try (BrowserContext context = context("zh-CN")) {
            Page page = context.newPage();
            logIn(page, "community", "yinling");
            page.navigate(url("/meal-points/" + point + "/meals"));
            page.click("#scan-meal-LUNCH + label");
            page.fill("#meal-search", residentId);
            page.press("#meal-search", "Enter");
            assertThat(page.locator("#meal-message")).containsText("已登记");
            assertThat(page.locator("#meal-today")).containsText("读卡就餐老人");
            assertThat(page.locator("#meal-today")).containsText("特困、低保老人");
            assertThat(page.locator("#meal-search")).hasValue("");
            assertThat(page.locator("#meal-search")).isFocused();
            // the same card again: not twice
            page.fill("#meal-search", residentId);
            page.press("#meal-search", "Enter");
            assertThat(page.locator("#meal-message")).containsText("没有重复登记");
            page.fill("#meal-search", "");
            screenshotsInBothLanguages(page, "meal-counter-reader");
            // undone with a reason
            page.locator("#meal-today summary").first().click();
            page.locator("#meal-today input[name=reason]").first().fill("刷错了卡");
            page.locator("#meal-today button[type=submit]").first().click();
            assertThat(page.locator("#meal-message")).containsText("已撤销");
            assertThat(page.locator("#meal-today")).not().containsText("读卡就餐老人");
        }
    }

    @Test
    void choosingAStreetLeavesOnlyItsCommunities() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            for (String list : new String[] {"/elders", "/subsidies/applications", "/home-care/plans"}) {
                page.navigate(url(list));
                page.selectOption("#community", "330105002001");
                page.selectOption("#street", "330105001000");
                // the community of the other street is cleared and can no longer be chosen
                assertThat(page.locator("#community")).hasValue("");
                assertThat(page.locator("#community option[value='330105002001']")).isDisabled();
                page.selectOption("#community", "330105001001");
                assertThat(page.locator("#community")).hasValue("330105001001");
                page.selectOption("#street", "");
                assertThat(page.locator("#community option[value='330105002001']")).isEnabled();
            }
            page.navigate(url("/elders?street=330105001000&community=330105001001"));
            screenshotsInBothLanguages(page, "elders-street-community-filter");
            page.navigate(url("/elders?page=3"));
            assertThat(page.locator(".pager .page-item.active")).hasText("4");
            page.fill(".pager-jump-number", "7");
            page.locator(".pager-jump button").click();
            assertThat(page.locator(".pager .page-item.active")).hasText("7");
            assertThat(page.url()).contains("page=6");
        }
    }

    @Test
    void theHomePageListsWhatWaits() {
        String body = "11010519361212094";
        String residentId = body + ResidentId.checkCharacter(body);
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '待审老人', 'FEMALE', DATE '1936-12-12', TRUE, '330105001001', 'ALONE', 'NONE', 'test', 'test')
                        """).param(residentId).update();
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, created_by, updated_by)
                        SELECT e.id, p.id, p.code, e.community_code, 'STREET_REVIEW', 'AUTOMATIC', 0, 100, CURRENT_DATE,
                            'test', 'test'
                        FROM elder e, (SELECT id, code FROM subsidy_policy WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1) p
                        WHERE e.resident_id = ?
                        """).param(residentId).update();
        try (BrowserContext context = context("zh-CN")) {
            Page page = context.newPage();
            logIn(page, "street", "yinling");
            assertThat(page.locator("#pending-pending-reviews")).containsText("待您这一级审核的申请");
            // the menu's pending link shows from 1400 px (below, the entries' own counts and this card say it)
            page.setViewportSize(1440, 900);
            assertThat(page.locator("#nav-pending")).isVisible();
            page.setViewportSize(1280, 900);
            assertThat(page.locator("#nav-pending")).isHidden();
            screenshotsInBothLanguages(page, "home-pending-street");
            page.click("#pending-pending-reviews");
            assertThat(page.locator("#reviews-table")).containsText("待审老人");
            screenshotsInBothLanguages(page, "subsidy-review-queue-select-all");
            if (page.locator("#bulk-select-all").count() > 0) {
                page.check("#bulk-select-all");
                int enabled = page.locator("input[name=selected]:not([disabled])").count();
                assertThat(page.locator("input[name=selected]:checked").count()).isEqualTo(enabled);
            }
        }
    }
}
