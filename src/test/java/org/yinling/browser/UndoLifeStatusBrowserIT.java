package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 20 §5 in a real browser: a date with a six-digit year (which a date input lets one type) comes back as a
 * message at the field, the form kept; a death recorded by mistake shows the age at death and is undone from its
 * confirmation page, which says what the undo takes back; the full-ID export asks for its purpose. Screenshots in
 * both languages.
 */
class UndoLifeStatusBrowserIT extends BrowserTest {

    @Test
    void aDeathRecordedByMistakeIsUndoneAfterItsConfirmation() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            logIn(page, "district", "yinling");

            String body = "110105" + "19380808" + (100 + (int) (Math.random() * 899));
            String residentId = body + ResidentId.checkCharacter(body);
            page.navigate(url("/elders/new"));
            page.fill("#residentId", residentId);
            page.fill("#name", "撤销浏览器");
            page.selectOption("#communityCode", "330105001001");
            page.selectOption("#livingArrangement", "ALONE");
            page.click("#elder-save");
            assertThat(page.locator("#elder-resident-id")).hasText(residentId);
            String detail = page.url();

            // a six-digit year, typed as a date input lets one: the message at the field, the reason kept
            page.evaluate("document.querySelector('#life-status-form #date').type = 'text'");
            page.fill("#life-status-form #date", "202612-01-01");
            page.fill("#life-status-form #reason", "死亡医学证明");
            page.click("#elder-deceased");
            assertThat(page.locator("#life-status-form #date")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            assertThat(page.locator("#life-status-form .invalid-feedback").first()).containsText("请输入有效日期");
            assertThat(page.locator("#life-status-form #reason")).hasValue("死亡医学证明");
            page.locator("#life-status-form").scrollIntoViewIfNeeded();
            BrowserSupport.screenshot(page, "date-unreadable-zh");
            page.navigate(detail + "?lang=en");
            page.evaluate("document.querySelector('#life-status-form #date').type = 'text'");
            page.fill("#life-status-form #date", "202612-01-01");
            page.fill("#life-status-form #reason", "Death certificate");
            page.click("#elder-deceased");
            assertThat(page.locator("#life-status-form .invalid-feedback").first()).containsText("Enter a valid date");
            page.locator("#life-status-form").scrollIntoViewIfNeeded();
            BrowserSupport.screenshot(page, "date-unreadable-en");
            page.navigate(detail + "?lang=zh-CN");

            page.navigate(detail);
            page.fill("#life-status-form #date", "2026-11-20");
            page.fill("#life-status-form #reason", "死亡医学证明");
            page.click("#elder-deceased");
            assertThat(page.locator("#life-status-note")).containsText("已故");
            assertThat(page.locator("main")).containsText("享年 88 岁");
            screenshotsInBothLanguages(page, "elder-detail-deceased");

            page.click("#elder-undo-status");
            assertThat(page.locator("#undo-status")).hasText("已故");
            assertThat(page.locator("#undo-date")).hasText("2026-11-20");
            assertThat(page.locator("#undo-consequences")).isVisible();
            screenshotsInBothLanguages(page, "elder-undo-confirm");

            // no reason: asked again
            page.click("#undo-confirm");
            assertThat(page.locator("#reason")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            page.fill("#reason", "误报：同名老人");
            page.click("#undo-confirm");
            assertThat(page.locator(".alert-success")).containsText("已撤销这次登记");
            assertThat(page.locator("#life-status-note")).hasCount(0);
            assertThat(page.locator("#life-status-form")).isVisible();

            // the full-ID export asks for its purpose first
            page.navigate(url("/elders/export?q=" + "撤销浏览器" + "&fullIds=true"));
            assertThat(page.locator("#export-purpose-form")).isVisible();
            screenshotsInBothLanguages(page, "elder-export-purpose");
        }
    }
}
