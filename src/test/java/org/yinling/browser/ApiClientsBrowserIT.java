package org.yinling.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the administrator registers an API client at 1280 px, copies its secret (shown once), revokes it after
 * confirming, and opens the interactive API documentation, which renders under the application's Content Security
 * Policy.
 */
class ApiClientsBrowserIT extends BrowserTest {

    @Test
    void theAdministratorRegistersAClientAndReadsTheInteractiveDocumentation() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
            logIn(page, "admin", "yinling");
            page.navigate(url("/admin/api-clients/new"));
            screenshotsInBothLanguages(page, "api-client-form");
            page.fill("#name", "浏览器测试 区公安分局户籍系统");
            page.selectOption("#regionCode", "330105001000");
            page.check("#scope-0");
            page.check("#scope-4");
            page.click("#api-client-save");
            assertThat(page.locator("#client-secret")).not().isEmpty();
            BrowserSupport.screenshot(page, "api-client-secret-zh");
            String secret = page.locator("#client-secret").textContent();

            page.click("text=已妥善保存");
            assertThat(page.locator("#current-secret")).containsText("登记时生成");
            assertThat(page.content()).doesNotContain(secret);
            screenshotsInBothLanguages(page, "api-client");
            page.onceDialog(dialog -> dialog.accept());
            page.check("#confirm");
            page.click("#api-client-revoke");
            assertThat(page.locator(".alert-success")).containsText("已吊销");

            page.navigate(url("/admin/api-clients"));
            assertThat(page.locator("#api-clients-table")).containsText("浏览器测试");
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("the list fits 1280 px").isLessThanOrEqualTo(1280);
            screenshotsInBothLanguages(page, "api-clients");

            page.click("#api-docs-link");
            // the document is generated at its first request: slow on a busy machine
            assertThat(page.locator(".swagger-ui .info .title")).containsText("Yinling",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            BrowserSupport.screenshot(page, "api-swagger-ui");
            assertThat(page.locator(".opblock-summary-path[data-path='/api/v1/token']")).hasCount(1);
            assertThat(page.locator(".opblock-summary-path[data-path='/api/v1/me']")).hasCount(1);
            BrowserSupport.screenshot(page, "api-swagger-ui");
            // an inbound-event operation opened: its body's example, its problem responses resolved (no reference
            // errors on the page)
            page.click(".opblock-summary-path[data-path='/api/v1/life-events']");
            assertThat(page.locator(".opblock-body").first()).containsText("police-2026-000123");
            assertThat(page.locator(".opblock-body").first()).containsText("413");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.locator(".errors-wrapper")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("Could not resolve reference");
            BrowserSupport.screenshot(page, "api-swagger-ui-life-events");
            // the page's scripts are all the application's own files (script-src 'self' holds); the one inline style
            // swagger-ui injects is refused by style-src 'self' without visible harm (docs/security.md)
            assertThat(console).as("no script blocked by the Content Security Policy")
                    .noneMatch(line -> line.contains("script-src"));
        }
    }
}
