package org.yinling.browser;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * District staff open the month's service budgets from the plans page (preview, then confirm), find an elder of the
 * demo policy 居家养老服务补贴 in the list, and make a plan within the budget on the elder's plan page; a plan beyond the
 * budget is refused with what is left. Screenshots of the plans list and the plan page in both languages.
 */
class HomeCarePlansIT extends BrowserTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictOpensTheBudgetsAndMakesAPlanWithinTheBudget() {
        LocalDate month = TestDates.today().withDayOfMonth(1);
        long elder = elderWithJujia(month);
        long cleaning = item("BRCLEAN", "助洁（浏览器测试）", "30");
        long bath = item("BRBATH", "助浴（浏览器测试）", "80");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/home-care/plans"));
            assertThat(page.locator("h1")).containsText("服务计划");
            page.click("#generation-preview");
            assertThat(page.locator("#generation-confirm")).containsText("确认生成");
            page.click("#generation-run");
            page.waitForURL("**/home-care/plans");
            assertThat(page.locator("#generation-result")).containsText("开立服务额度");

            page.fill("#q", "浏览器计划老人");
            page.click("#plan-search button[type=submit]");
            assertThat(page.locator("#plan-rows tbody tr")).hasCount(1);
            assertThat(page.locator("#plan-rows")).containsText("160.00");
            screenshotsInBothLanguages(page, "home-care-plans");

            page.click("#plan-rows a");
            page.waitForURL("**/home-care/elders/" + elder + "/plan");
            assertThat(page.locator("#budget-left")).hasText("160.00");
            page.selectOption("#providerId", new com.microsoft.playwright.options.SelectOption()
                    .setLabel("蓝天居家养老服务中心（演示）"));
            page.selectOption("#items0\\.itemId", String.valueOf(bath));
            page.fill("#items0\\.timesPerMonth", "3");
            page.click("#plan-save");
            assertThat(page.locator("#plan-form .alert-danger")).containsText("剩余 160.00 元");

            page.selectOption("#items0\\.itemId", String.valueOf(cleaning));
            page.fill("#items0\\.timesPerMonth", "2");
            page.fill("#items0\\.preferredTime", "09:30");
            page.selectOption("#items1\\.itemId", String.valueOf(bath));
            page.fill("#items1\\.timesPerMonth", "1");
            page.click("#plan-save");
            assertThat(page.locator(".alert-success")).containsText("服务计划已保存");
            assertThat(page.locator("#plan-current .plan-value")).hasText("140.00");
            screenshotsInBothLanguages(page, "home-care-plan");
        }
    }

    private long elderWithJujia(LocalDate month) {
        String body = "110105" + "19480312" + "6" + String.format("%02d", (int) (System.nanoTime() % 100));
        String residentId = body + ResidentId.checkCharacter(body);
        long elder = jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, income_per_person, created_by, updated_by)
                        VALUES (?, '浏览器计划老人', 'FEMALE', DATE '1948-03-12', TRUE, ?, 'ALONE', 'NONE', 400, 'test', 'test')
                        ON CONFLICT (resident_id) DO UPDATE SET name = EXCLUDED.name RETURNING id
                        """)
                .params(residentId, LANTIAN).query(Long.class).single();
        long policy = jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'JUJIA' AND status = 'PUBLISHED'")
                .query(Long.class).single();
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, 'JUJIA', ?, 'APPROVED', 'COMMUNITY', 0, 160, ?, ?, now(), 'test', 'test') RETURNING id
                        """)
                .params(elder, policy, LANTIAN, month.minusMonths(2), month.minusMonths(1).minusDays(1))
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, 'JUJIA', ?, ?, 0, 160, 'MONTHLY', ?, 'ACTIVE', 'test')
                        """)
                .params(elder, policy, application, LANTIAN, month.minusMonths(1)).update();
        return elder;
    }

    private long item(String code, String name, String price) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, ?, 'CLEANING', 'VISIT', 60, 'test')
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id
                        """)
                .params(code, name).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                        VALUES (?, '330105000000', DATE '2020-01-01', ?, 'test') ON CONFLICT DO NOTHING
                        """).params(id, new BigDecimal(price)).update();
        return id;
    }
}
