package org.yinling.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager sees the home-care indicators of the demo (issue 18 item 10) on the district's dashboard: the figures,
 * one row per street and one per provider, in both languages; and drills into a street.
 */
class HomeCareDashboardIT extends BrowserTest {

    @Test
    void aManagerSeesTheHomeCareIndicatorsPerStreetAndPerProvider() {
        for (String locale : List.of("zh-CN", "en")) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
                    .setLocale(locale))) {
                Page page = context.newPage();
                List<String> problems = new ArrayList<>();
                page.onConsoleMessage(message -> {
                    if ("error".equals(message.type())) {
                        problems.add(message.text());
                    }
                });
                boolean en = locale.equals("en");
                logIn(page, "manager", "yinling");
                page.navigate(url("/dashboard" + (en ? "?lang=en" : "?lang=zh-CN")));
                assertThat(page.locator("#figure-table tr[data-indicator=HOME_CARE_VISITS]"))
                        .containsText(en ? "Home-care visits delivered" : "上门服务次数");
                assertThat(page.locator("#figure-table tr[data-indicator=HOME_CARE_ON_TIME]")).containsText("%");
                assertThat(page.locator("#home-care-unit-table tr.drill-row")).hasCount(10);
                Locator providers = page.locator("#home-care-provider-table tr[data-provider]");
                assertThat(providers).hasCount(2);
                assertThat(providers.first()).containsText("（演示）");
                String suffix = en ? "en" : "zh";
                page.locator("#home-care-units").scrollIntoViewIfNeeded();
                page.locator("#home-care-units").screenshot(new Locator.ScreenshotOptions()
                        .setPath(BrowserSupport.SCREENSHOTS.resolve("home-care-dashboard-streets-" + suffix + ".png")));
                page.locator("#home-care-providers").screenshot(new Locator.ScreenshotOptions()
                        .setPath(BrowserSupport.SCREENSHOTS.resolve("home-care-dashboard-providers-" + suffix + ".png")));
                page.locator("#figure-table").screenshot(new Locator.ScreenshotOptions()
                        .setPath(BrowserSupport.SCREENSHOTS.resolve("home-care-dashboard-figures-" + suffix + ".png")));

                page.locator("#home-care-unit-table tr.drill-row").first().locator("td").nth(3).click();
                page.waitForURL("**/dashboard/regions/330105001000");
                assertThat(page.locator("#home-care-unit-table tr.drill-row")).hasCount(6);
                assertThat(page.locator("#home-care-provider-table tr[data-provider]")).hasCount(1);
                assertThat(problems).isEmpty();
            }
        }
    }
}
