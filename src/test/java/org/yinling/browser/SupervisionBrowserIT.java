package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a street inspector on a 390 px phone inspects an institution of 蓝天, fails a fire-safety item and signs
 * with the institution's representative; the district enters the rectification with an evidence photo, re-checks and
 * closes the finding.
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
            // a note alone is no evidence: the photo of the cleared exit goes with it
            page.setInputFiles("#evidence", new FilePayload("exit.png", "image/png", PNG));
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

    /**
     * Issue 23, the institution manager's part: a street inspector on a tablet fails a fire-safety item of the demo
     * institution manager's institution with a photo (the form comes back once for a missing name: the photo is kept); the manager (account {@code institution}) answers on a phone
     * with a rectification note and an evidence photo; the district re-checks and closes the finding.
     */
    @Test
    void theInstitutionManagerAnswersAFindingWithEvidenceAndTheDistrictClosesIt() {
        long home = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'institution'").query(Long.class).single();
        String homeName = jdbc.sql("SELECT name FROM institution WHERE id = ?").param(home).query(String.class).single();
        long fireItem = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_checklist c ON c.id = it.checklist_id
                        WHERE c.version = 1 AND it.position = 10
                        """).query(Long.class).single();
        // a fresh start for this journey: no inspection of today left open by an earlier run
        jdbc.sql("DELETE FROM supervision_inspection WHERE institution_id = ? AND status = 'OPEN'").param(home).update();
        FilePayload photo = new FilePayload("fire.png", "image/png", PNG);
        long inspection;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(820, 1180)
                .setLocale("zh-CN").setHasTouch(true))) {
            Page page = context.newPage();
            logIn(page, "street", "yinling");
            page.navigate(url("/supervision/inspections"));
            page.click("#plan [data-institution=\"" + home + "\"] button");
            assertThat(page.locator("#inspection-title")).containsText(homeName);
            assertThat(fitsTheScreen(page)).as("the inspection form fits a tablet").isTrue();
            page.evaluate("document.querySelectorAll('input[value=PASS]').forEach(r => r.checked = true)");
            page.click("label[for=\"o" + fireItem + "_FAIL\"]");
            page.fill("input[name=\"note_" + fireItem + "\"]", "灭火器压力不足");
            assertThat(page.locator("#photo_" + fireItem)).hasAttribute("capture", "environment");
            page.setInputFiles("#photo_" + fireItem, photo);
            // the representative's name forgotten: the form comes back with the photo held, ticked to keep
            page.click("#inspection-form button[type=submit]");
            assertThat(page.locator("#inspection-errors")).isVisible();
            assertThat(page.locator("#photos-held")).isVisible();
            assertThat(page.locator("#keep_" + fireItem)).isChecked();
            assertThat(page.locator("input[name=\"note_" + fireItem + "\"]")).hasValue("灭火器压力不足");
            page.fill("#representativeName", "孙院长");
            BrowserSupport.screenshot(page, "supervision-inspection-tablet-photo-zh");
            // submitted without taking the photo again
            page.click("#inspection-form button[type=submit]");
            assertThat(page.locator("#inspection-findings")).containsText("消防设施");
            assertThat(page.locator(".inspection-thumb")).hasCount(1);
            inspection = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        }
        long finding = jdbc.sql("SELECT id FROM supervision_finding WHERE inspection_id = ?").param(inspection)
                .query(Long.class).single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "institution", "yinling");
            page.navigate(url("/institutions/mine"));
            assertThat(page.locator("#institution-name")).containsText(homeName);
            assertThat(fitsTheScreen(page)).as("the institution page fits 390 px").isTrue();
            page.navigate(url("/supervision/findings/" + finding));
            assertThat(page.locator("#finding-photos img")).hasCount(1);
            assertThat(page.locator("#close-form")).hasCount(0);
            page.fill("#rectification", "已更换灭火器并检测合格");
            page.setInputFiles("#evidence", new FilePayload("new-extinguisher.png", "image/png", PNG));
            page.click("#rectification-save");
            assertThat(page.locator(".alert-success")).isVisible();
            assertThat(page.locator("#finding-evidence img")).hasCount(1);
            assertThat(fitsTheScreen(page)).as("the finding fits 390 px").isTrue();
            BrowserSupport.screenshot(page, "supervision-finding-manager-phone-zh");
            page.navigate(url("/supervision/incidents"));
            assertThat(page.locator("#incident-form")).isVisible();
            assertThat(fitsTheScreen(page)).as("the incidents fit 390 px").isTrue();
            // nothing of the rest of the application
            assertThat(page.navigate(url("/institutions")).status()).isEqualTo(403);
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/supervision/findings/" + finding));
            assertThat(page.locator("#finding-rectification")).containsText("已更换灭火器");
            page.fill("#recheck", "复查合格");
            page.click("#close-form button[type=submit]");
            assertThat(page.locator(".alert-success")).containsText("已销号");
            screenshotsInBothLanguages(page, "supervision-finding-evidence-closed");
        }
        assertThat(jdbc.sql("SELECT closed_at IS NOT NULL FROM supervision_finding WHERE id = ?").param(finding)
                .query(Boolean.class).single()).isTrue();
    }

    /** A small valid PNG (1 × 1 px), for the photo inputs. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
