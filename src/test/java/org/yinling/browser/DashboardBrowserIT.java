package org.yinling.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A manager opens the coverage dashboard, sees the charts drawn, and drills into a street by clicking its row. */
class DashboardBrowserIT extends BrowserTest {

    @Test
    void aManagerDrillsFromTheDistrictIntoAStreetAndSeesTheChartsDrawn() {
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
                logIn(page, "manager", "yinling");
                page.navigate(url("/dashboard" + (locale.equals("en") ? "?lang=en" : "?lang=zh-CN")));
                assertThat(page.locator("h1")).containsText(locale.equals("en") ? "care overview" : "养老服务概览");
                for (String chart : List.of("pyramid", "beds", "coverage", "spending")) {
                    assertThat(page.locator("#chart-" + chart)).hasAttribute("data-rendered", "true");
                    assertThat(page.locator("#chart-" + chart + " canvas")).hasCount(1);
                }
                assertThat(page.locator("#unit-table tr.drill-row")).hasCount(10);
                String suffix = locale.equals("en") ? "en" : "zh";
                BrowserSupport.screenshot(page, "dashboard-" + suffix);

                page.locator("#unit-table tr.drill-row").first().locator("td").nth(2).click();
                page.waitForURL("**/dashboard/regions/330105001000");
                assertThat(page.locator("h1")).containsText("上塘街道");
                assertThat(page.locator(".breadcrumb")).containsText("拱墅区");
                assertThat(page.locator("#chart-pyramid canvas")).hasCount(1);
                assertThat(page.locator("#unit-table tr.drill-row")).hasCount(6);
                BrowserSupport.screenshot(page, "dashboard-street-" + suffix);

                page.locator(".breadcrumb a", new Page.LocatorOptions().setHasText("拱墅区")).click();
                page.waitForURL("**/dashboard/regions/330105000000");
                assertThat(problems).isEmpty();
            }
        }
    }
}
