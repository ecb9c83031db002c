package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a street inspector on a 390 px phone inspects an institution of 蓝天, fails a fire-safety item and signs
 * with the institution's representative; the district enters the rectification, re-checks and closes the finding.
 */
class SupervisionBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStreetInspectorFailsAFireItemOnAPhoneAndTheDistrictClosesTheFinding() {
        long home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('浏览器督查养老院', 'PRIVATE_HOME', 'PRIVATE', '330105001001', 'AGREEMENT', 'test', 'test') RETURNING id
                        """).query(Long.class).single();
        long fireItem = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                        WHERE c.version = 1 AND it.position = 11
                        """).query(Long.class).single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "street", "yinling");
            page.navigate(url("/supervision/inspections"));
            assertThat(page.locator("#plan [data-institution=\"" + home + "\"]")).containsText("未检查");
            BrowserSupport.screenshot(page, "supervision-plan-phone-zh");
            page.click("#plan [data-institution=\"" + home + "\"] button");
            assertThat(page.locator("#inspection-title")).containsText("浏览器督查养老院");
            assertThat(fitsTheScreen(page)).as("the inspection form fits 390 px").isTrue();
            page.evaluate("document.querySelectorAll('input[value=PASS]').forEach(r => r.checked = true)");
            page.click("label[for=\"o" + fireItem + "_FAIL\"]");
            page.fill("input[name=\"note_" + fireItem + "\"]", "二楼安全出口堆放杂物");
            page.fill("#representativeName", "赵院长");
            BrowserSupport.screenshot(page, "supervision-inspection-phone-zh");
            page.click("#inspection-form button[type=submit]");
            assertThat(page.locator("#inspection-findings")).containsText("疏散通道");
            assertThat(fitsTheScreen(page)).as("the submitted inspection fits 390 px").isTrue();
        }
        long finding = jdbc.sql("SELECT id FROM supervision_finding WHERE institution_id = ?").param(home)
                .query(Long.class).single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/institutions/" + home));
            assertThat(page.locator("#supervision-card")).containsText("未销号整改 1 项");
            page.navigate(url("/supervision/findings/" + finding));
            page.fill("#rectification", "杂物已清理，附整改照片说明");
            page.click("#rectification-form button[type=submit]");
            assertThat(page.locator("#finding-rectification")).containsText("杂物已清理");
            page.fill("#recheck", "复查合格");
            page.click("#close-form button[type=submit]");
            assertThat(page.locator(".alert-success")).containsText("已销号");
            screenshotsInBothLanguages(page, "supervision-finding-closed");
            page.navigate(url("/supervision/checklists"));
            screenshotsInBothLanguages(page, "supervision-checklist");
            page.navigate(url("/supervision/incidents"));
            assertThat(page.locator("#incident-form")).isVisible();
            screenshotsInBothLanguages(page, "supervision-incidents");
            page.navigate(url("/supervision/inspections"));
            screenshotsInBothLanguages(page, "supervision-plan-district");
        }
        assertThat(jdbc.sql("SELECT closed_at IS NOT NULL FROM supervision_finding WHERE id = ?").param(finding)
                .query(Boolean.class).single()).isTrue();
    }

    private static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
