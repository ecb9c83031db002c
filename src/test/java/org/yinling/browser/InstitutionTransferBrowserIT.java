package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo welfare home (300 beds) in a real browser: one page of beds with a pager, and a transfer whose free beds
 * are loaded when the user clicks "转床…" (htmx swaps the form into the row), then done (issue 20 §7).
 */
class InstitutionTransferBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLargeHomeIsPagedAndATransferLoadsItsFreeBedsOnDemand() {
        long home = jdbc.sql("SELECT id FROM institution WHERE name = '拱墅区社会福利院（演示）'").query(Long.class).single();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/institutions/" + home));
            assertThat(page.locator("#beds-table tbody tr")).hasCount(50);
            assertThat(page.locator(".pager")).containsText("共 300 条");
            assertThat(page.locator("#beds-table select")).hasCount(0);
            screenshotsInBothLanguages(page, "institution-beds");

            Locator open = page.locator("#beds-table a.transfer-open").first();
            String path = open.getAttribute("href");
            open.click();
            // swapped into the row in place (htmx): the same page, now with the form of that stay
            Locator form = page.locator("#beds-table form[action='" + path + "']");
            assertThat(form.locator("select[name=bedId]")).isVisible();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/institutions/" + home + "(\\?lang=zh-CN)?$"));
            BrowserSupport.screenshot(page, "institution-transfer-zh");
            form.locator("select[name=bedId]").selectOption(new SelectOption().setIndex(1));
            form.locator("button[type=submit]").click();
            assertThat(page.locator(".alert-success")).containsText("已转床");
        }
    }
}
