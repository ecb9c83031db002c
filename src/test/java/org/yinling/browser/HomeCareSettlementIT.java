package org.yinling.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.homecare.SettlementFixtures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A month of a provider's confirmed orders: community staff draw the call-back sample and record a call, the district
 * confirms the settlement and prints the statement (screenshots of the three pages in both languages).
 */
class HomeCareSettlementIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictConfirmsAProvidersSettlementAfterTheCallBacks() {
        SettlementFixtures f = new SettlementFixtures(jdbc);
        long provider = f.provider("浏览器测试居家服务中心");
        long item = f.item();
        LocalDate month = LocalDate.of(2019, 8, 1);
        long first = 0;
        for (int i = 0; i < 8; i++) {
            long order = f.confirmed(f.elder("浏览器居家" + i), provider, item, month, "45.00", i < 6 ? "1.00" : "0.50");
            first = first == 0 ? order : first;
        }
        jdbc.sql("UPDATE home_care_order SET flag_duration = TRUE WHERE id = ?").param(first).update();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            logIn(page, "community", "yinling");
            page.navigate(url("/home-care/callbacks/" + provider + "/2019-08"));
            page.click("#draw");
            assertThat(page.locator("#draw-info")).containsText("抽取 8 单");
            page.locator("#sampled-" + first + " select[name=outcome]").selectOption("PARTLY");
            page.locator("#sampled-" + first + " select[name=satisfaction]").selectOption("3");
            page.locator("#sampled-" + first + " input[name=note]").fill("只打扫了厨房");
            page.locator("#sampled-" + first + " button[type=submit]").click();
            assertThat(page.locator("#sampled-" + first + " .call-outcome")).hasText("部分");
            page.click("#recheck");
            assertThat(page.locator("#recheck-result")).containsText("复核一致");
            screenshotsInBothLanguages(page, "home-care-callbacks");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            logIn(page, "district", "yinling");
            page.navigate(url("/home-care/settlements?month=2019-08"));
            page.click("text=浏览器测试居家服务中心");
            // 6 × 45 + 2 × 22.50 = 315.00 by the government; the flagged order (45.00) in full, the partly delivered
            // one has no deduction of its own because its flag took it all; 7 others delivered as recorded
            assertThat(page.locator("#total-government")).hasText("315.00");
            assertThat(page.locator("#total-flag")).hasText("45.00");
            assertThat(page.locator("#settlement-total")).hasText("270.00");
            page.click("#settlement-confirm");
            assertThat(page.locator("#settlement-state")).containsText("确认");
            assertThat(page.locator("#settlement-confirm")).hasCount(0);
            screenshotsInBothLanguages(page, "home-care-settlement");

            page.click("#settlement-print");
            assertThat(page.locator("#statement-bureau")).containsText("民政局");
            assertThat(page.locator("#statement-total")).hasText("270.00");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            screenshotsInBothLanguages(page, "home-care-settlement-print");
        }
    }
}
