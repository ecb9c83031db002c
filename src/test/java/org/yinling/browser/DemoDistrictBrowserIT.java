package org.yinling.browser;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.yinling.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district at work (issue 20 §8), as the district clerk sees it: the dashboard with this month's spending
 * and meal-point coverage, and last month's report with its payments (高龄津贴 and the meal points' settlements), in
 * Chinese and English. Screenshots dashboard-demo-zh/en and monthly-report-demo-zh/en. With
 * {@code -Dyinling.browser.baseUrl=http://localhost:8098} the pages come from a running demo instance instead (for
 * docs/screenshots with the default 20,000 demo elders).
 */
class DemoDistrictBrowserIT extends BrowserTest {

    @Override
    String url(String path) {
        String base = System.getProperty("yinling.browser.baseUrl");
        return base == null || base.isBlank() ? super.url(path) : base + path;
    }

    @Test
    void theDashboardAndLastMonthsReportLookLikeADistrictAtWork() {
        String lastMonth = TestDates.thisMonth().minusMonths(1).toString();
        for (String locale : List.of("zh-CN", "en")) {
            String suffix = locale.equals("en") ? "en" : "zh";
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                    .setLocale(locale))) {
                Page page = context.newPage();
                List<String> problems = new ArrayList<>();
                page.onConsoleMessage(message -> {
                    if ("error".equals(message.type())) {
                        problems.add(message.text());
                    }
                });
                logIn(page, "district", "yinling");
                page.navigate(url("/dashboard?lang=" + locale));
                assertThat(page.locator("#chart-spending")).hasAttribute("data-rendered", "true");
                assertThat(page.locator("body")).containsText("高龄津贴");
                page.waitForLoadState(LoadState.NETWORKIDLE);
                BrowserSupport.screenshot(page, "dashboard-demo-" + suffix);

                page.navigate(url("/reports/monthly?region=330105000000&month=" + lastMonth + "&lang=" + locale));
                assertThat(page.locator("h1")).containsText(lastMonth);
                assertThat(page.locator("#report-payments")).containsText("高龄津贴");
                assertThat(page.locator("#report-payments tbody tr")).not().hasCount(0);
                page.waitForLoadState(LoadState.NETWORKIDLE);
                BrowserSupport.screenshot(page, "monthly-report-demo-" + suffix);
                assertThat(problems).isEmpty();
            }
        }
    }
}
