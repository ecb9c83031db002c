package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** At the counter of a meal point, a clerk finds an elder by the last digits of the ID and records lunch in one click. */
class MealCounterBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMealIsRecordedByIdSuffixInOneClickAndNotTwice() {
        String body = "11010519360909092";
        String residentId = body + ResidentId.checkCharacter(body);
        long elder = jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '浏览器就餐老人', 'FEMALE', DATE '1936-09-09', TRUE, '330105001001', 'ALONE', 'NONE', 'test', 'test')
                        RETURNING id
                        """).param(residentId).query(Long.class).single();
        long point = jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, licence_number, licence_expires,
                            created_by, updated_by)
                        VALUES ('浏览器测试食堂', 'CANTEEN', '330105001001', TRUE, 'SC-B-1', CURRENT_DATE + 365, 'test', 'test')
                        RETURNING id
                        """).query(Long.class).single();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "community", "yinling");
            page.navigate(url("/meal-points/" + point + "/meals"));
            page.fill("#meal-search", residentId.substring(12));
            assertThat(page.locator("#meal-results")).containsText("浏览器就餐老人");
            page.click("#record-" + elder + "-LUNCH-EAT_IN");
            assertThat(page.locator("#meal-message")).containsText("已登记");
            assertThat(page.locator("#meal-today")).containsText("浏览器就餐老人");
            BrowserSupport.screenshot(page, "meal-counter-zh");
            // the box is cleared after a meal: the clerk searches again, and a second lunch is refused
            page.fill("#meal-search", residentId.substring(12));
            assertThat(page.locator("#meal-results")).containsText("浏览器就餐老人");
            page.click("#record-" + elder + "-LUNCH-EAT_IN");
            assertThat(page.locator("#meal-message")).containsText("没有重复登记");
        }
    }
}
