package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** District staff register a care home, add its beds and admit a registered elder to a bed, in a real browser. */
class InstitutionBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void districtStaffAdmitAnElderToABed() {
        String body = "11010519380303091";
        String residentId = body + ResidentId.checkCharacter(body);
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '浏览器入住老人', 'MALE', DATE '1938-03-03', TRUE, '330105001001', 'ALONE', 'NONE', 'test', 'test')
                        ON CONFLICT DO NOTHING
                        """)
                .param(residentId).update();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/institutions"));
            page.click("#institution-new");
            page.fill("#name", "浏览器测试养老院");
            page.selectOption("#kind", "PRIVATE_HOME");
            page.selectOption("#ownership", "PRIVATE");
            page.selectOption("#communityCode", "330105001001");
            page.selectOption("#medicalArrangement", "AGREEMENT");
            page.click("#institution-form button[type=submit]");
            assertThat(page.locator("#institution-name")).hasText("浏览器测试养老院");
            // the page's cards settle first: a click during a layout shift can miss the checkbox
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

            page.fill("#room", "201");
            page.fill("#from", "1");
            page.fill("#to", "4");
            page.check("#nursing");
            page.click("#beds-form button[type=submit]");
            assertThat(page.locator("#institution-beds")).containsText("共 4 张（护理型 4 张）");

            page.fill("#admission-form #residentId", residentId);
            page.selectOption("#admission-form #bedId", new com.microsoft.playwright.options.SelectOption().setIndex(2));
            page.selectOption("#admission-form #payer", "FAMILY");
            page.click("#admit");
            assertThat(page.locator(".alert-success")).containsText("已办理入住");
            assertThat(page.locator("#beds-table")).containsText("浏览器入住老人");
            assertThat(page.locator("#institution-beds")).containsText("已入住 1 张");
            BrowserSupport.screenshot(page, "institution-detail-zh");

            // the same elder cannot take a second bed
            page.fill("#admission-form #residentId", residentId);
            page.selectOption("#admission-form #bedId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
            page.click("#admit");
            assertThat(page.locator("#admission-form")).containsText("已入住");
        }
    }
}
