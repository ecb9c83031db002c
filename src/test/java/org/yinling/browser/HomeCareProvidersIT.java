package org.yinling.browser;

import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.yinling.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * District staff register a home-care provider with its communities, see its contract and workers, and keep the
 * catalogue's prices and the settings; a provider's manager sees their own provider only.
 */
class HomeCareProvidersIT extends BrowserTest {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A valid 统一社会信用代码 no run used before (GB 32100-2015 check character). */
    private static String creditCode() {
        StringBuilder code = new StringBuilder("523301");
        for (int i = 0; i < 11; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(CHARACTERS.charAt(check == 31 ? 0 : check)).toString();
    }

    @Test
    void districtStaffRegisterAProviderAndKeepTheCatalogueAndSettings() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/home-care/providers"));
            assertThat(page.locator("#providers-table")).containsText("蓝天居家养老服务中心");
            screenshotsInBothLanguages(page, "home-care-providers");

            page.click("#provider-new");
            page.fill("#name", "湖墅颐养服务中心（浏览器测试）");
            page.fill("#creditCode", "52330105MJ1234567Y");
            page.fill("#contractFrom", TestDates.today().minusMonths(11).toString());
            page.fill("#contractTo", TestDates.today().plusDays(30).toString());
            page.check("#community-330105001001");
            page.check("#community-330105002001");
            page.fill("#contactName", "陈立");
            page.fill("#contactPhone", "0571-88112233");
            page.fill("#payeeBank", "杭州银行拱墅支行");
            page.fill("#payeeAccount", "3301040160012345678");
            page.click("#provider-form button[type=submit]");
            // a wrong check character is explained, the form kept
            assertThat(page.locator("#provider-form")).containsText("校验位不正确");
            page.fill("#creditCode", creditCode());
            page.click("#provider-form button[type=submit]");
            assertThat(page.locator("#provider-name")).containsText("湖墅颐养服务中心");
            assertThat(page.locator("#provider-contract")).containsText("30 天后到期");
            assertThat(page.locator("#provider-communities")).containsText("祥符");

            page.navigate(url("/home-care/providers"));
            page.click("text=蓝天居家养老服务中心");
            assertThat(page.locator("#provider-workers")).containsText("赵芳");
            screenshotsInBothLanguages(page, "home-care-provider");
            page.click("#provider-edit");
            assertThat(page.locator("#community-330105001001")).isChecked();
            screenshotsInBothLanguages(page, "home-care-provider-form");

            page.navigate(url("/home-care/catalogue"));
            assertThat(page.locator("main")).containsText("上门助浴");
            // a price for yesterday is refused by the server too (the date field's own minimum taken away)
            page.evaluate("document.querySelectorAll('.price-form input[name=effectiveFrom]')"
                    + ".forEach(e => e.removeAttribute('min'))");
            page.locator(".price-form").first().locator("input[name=effectiveFrom]")
                    .fill(TestDates.today().minusDays(1).toString());
            page.locator(".price-form").first().locator("input[name=unitPrice]").fill("99");
            page.locator(".price-form").first().locator("button").click();
            assertThat(page.locator(".alert-danger")).containsText("不能重新定价");
            // the address without the item's #fragment, so that the language can be added to it
            page.navigate(url("/home-care/catalogue"));
            screenshotsInBothLanguages(page, "home-care-catalogue");

            page.navigate(url("/home-care/settings"));
            assertThat(page.locator("#settings-table")).containsText("系统默认");
            screenshotsInBothLanguages(page, "home-care-settings");
        }
    }

    @Test
    void aProvidersManagerSeesTheirOwnProviderOnly() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "provider", "yinling");
            page.navigate(url("/home-care/providers"));
            assertThat(page.locator("#providers-table")).containsText("蓝天居家养老服务中心");
            assertThat(page.locator("#providers-table")).not().containsText("祥符助老服务社");
            assertThat(page.locator("#provider-new")).hasCount(0);
        }
    }
}
