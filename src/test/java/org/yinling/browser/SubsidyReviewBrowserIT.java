package org.yinling.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review chain in a real browser: the community clerk registers an application for an elder of 蓝天社区 from the
 * elder's page, the street reviewer approves it from the review queue, the district approves it, and the publicity
 * notice lists the elder with the resident ID masked. When the seven days have passed, the district concludes the
 * publicity, generates next month's payment batch, and the elder's page shows the allowance paid in it.
 */
class SubsidyReviewBrowserIT extends BrowserTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    JdbcClient jdbc;

    @Test
    void clerkRegistersStreetAndDistrictApproveAndTheNoticeShowsTheElder() {
        String code = "BRW" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String policyName = "浏览器测试高龄津贴" + code;
        publishPolicy(code, policyName);
        String name = "浏览器补贴" + code.substring(code.length() - 3);
        String residentId = insertElder(name);
        long elderId = jdbc.sql("SELECT id FROM elder WHERE resident_id = ?").param(residentId).query(Long.class).single();
        String masked = ResidentId.parse(residentId).masked();
        List<String> consoleErrors = new ArrayList<>();

        String applicationUrl;
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            watchConsole(page, consoleErrors);
            logIn(page, "community", "yinling");
            page.navigate(url("/elders/" + elderId));
            // the subsidy card arrives with htmx and offers to register an application
            page.click("#subsidy-apply");
            assertThat(page.locator("#application-elder")).containsText(name);
            page.selectOption("#policyId", page.locator("#policyId option", new Page.LocatorOptions().setHasText(code))
                    .getAttribute("value"));
            page.fill("#payeeBank", "中国农业银行");
            page.fill("#payeeAccount", "6228480000000000009");
            page.fill("#notes", "浏览器测试");
            page.selectOption("#documentType", "ID_CARD");
            page.fill("#documentNumber", "NO-2026");
            BrowserSupport.screenshot(page, "subsidy-application-form-zh");
            page.click("#application-save");
            assertThat(page.locator(".alert-success")).containsText("已受理");
            assertThat(page.locator("#application-stage")).hasText("街道初审");
            assertThat(page.locator("#eligibility")).containsText("符合条件");
            assertThat(page.locator("#application-amount")).containsText("100.00");
            assertThat(page.locator("#application-resident-id")).hasText(masked);
            screenshotsInBothLanguages(page, "subsidy-application-detail");
            applicationUrl = page.url();
        }

        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            watchConsole(page, consoleErrors);
            logIn(page, "street", "yinling");
            page.navigate(url("/subsidies/reviews?policy=" + code));
            assertThat(page.locator("#reviews-table")).containsText(name);
            assertThat(page.locator("#reviews-table")).containsText("无疑问");
            screenshotsInBothLanguages(page, "subsidy-review-queue-street");
            page.click("#reviews-table >> text=" + name);
            page.fill("#note", "入户核实，情况属实");
            String decided = page.url();
            page.click("#decision-approve");
            // from the queue the reviewer goes on to the next application (or back to the queue when it is done)
            page.waitForURL(address -> !address.equals(decided));
            page.navigate(applicationUrl);
            assertThat(page.locator("#application-stage")).hasText("区级审批");
            assertThat(page.locator("#decision-log")).containsText("入户核实，情况属实");
        }

        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            watchConsole(page, consoleErrors);
            logIn(page, "district", "yinling");
            page.navigate(applicationUrl);
            page.click("#decision-approve");
            assertThat(page.locator("#application-stage")).hasText("公示中");
            assertThat(page.locator("#application-publicity-ends")).hasText(TestDates.today().plusDays(7).toString());
            screenshotsInBothLanguages(page, "subsidy-application-publicity");

            page.navigate(url("/subsidies/publicity?policy=" + code));
            assertThat(page.locator("#publicity-table")).containsText(name);
            page.click("#publicity-notice");
            assertThat(page.locator("#notice-heading")).containsText("公示名单");
            assertThat(page.locator("#notice-table")).containsText(name);
            assertThat(page.locator("#notice-table")).containsText(masked);
            assertThat(page.locator("#notice-table")).containsText(policyName);
            assertThat(page.locator("#notice-table")).containsText("蓝天社区");
            assertThat(page.locator("body")).not().containsText(residentId);
            assertThat(page.locator("#notice-print")).isVisible();
            screenshotsInBothLanguages(page, "subsidy-publicity-notice");
        }

        // the seven days of publicity pass without an objection (the clock is the one thing a browser cannot move)
        jdbc.sql("UPDATE subsidy_application SET publicity_ends = CURRENT_DATE - 1 WHERE elder_id = ? AND policy_code = ?")
                .params(elderId, code).update();
        String nextMonth = TestDates.thisMonth().plusMonths(1).toString();
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            watchConsole(page, consoleErrors);
            page.onDialog(Dialog::accept);
            logIn(page, "district", "yinling");
            page.navigate(url("/subsidies/publicity?policy=" + code));
            page.click("#publicity-conclude");
            assertThat(page.locator("#concluded-count")).isVisible();
            page.navigate(applicationUrl);
            assertThat(page.locator("#application-stage")).hasText("已通过");

            page.navigate(url("/payments/batches"));
            assertThat(page.locator("#month")).hasValue(nextMonth);
            page.click("#batch-create button[type=submit]");
            // generation runs in the background; the progress card turns into the totals when it is done
            assertThat(page.locator("#batch-lines")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            page.reload();
            assertThat(page.locator("#batch-state")).hasText("待复核");
            assertThat(page.locator("#totals-by-policy")).containsText(code);
            screenshotsInBothLanguages(page, "payment-batch");

            page.navigate(url("/elders/" + elderId));
            assertThat(page.locator("#elder-payments")).containsText(nextMonth);
            assertThat(page.locator("#elder-payments")).containsText(code);
            assertThat(page.locator("#elder-payments")).containsText("100.00");
            assertThat(page.locator("#elder-payments")).containsText("待发放");
        }
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    private void publishPolicy(String code, String name) {
        String rule = """
                {"eligibility":{"connective":"AND","groups":[{"connective":"AND","criteria":[
                  {"attribute":"AGE","operator":"GE","values":["80"]},
                  {"attribute":"HUKOU_LOCAL","operator":"EQ","values":["true"]}]}]},
                 "tiers":[{"condition":{"attribute":"AGE","operator":"BETWEEN","values":["80","89"]},"amount":100},
                          {"condition":null,"amount":500}]}""";
        jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency, rule,
                            status, published_at, published_by, created_by, updated_by)
                        VALUES (?, 1, ?, 'AGE_ALLOWANCE', '330105000000', ?, 'MONTHLY', CAST(? AS jsonb), 'PUBLISHED',
                            now(), 'test', 'test', 'test')""")
                .params(code, name, TestDates.today().minusMonths(1), rule).update();
    }

    /** An 85-year-old local elder of 蓝天社区 with a test resident ID (county 110105, never used by the demo). */
    private String insertElder(String name) {
        while (true) {
            LocalDate birth = TestDates.today().minusYears(85).minusDays(ThreadLocalRandom.current().nextInt(10, 300));
            String body = "110105" + birth.toString().replace("-", "") + String.format("%03d",
                    ThreadLocalRandom.current().nextInt(1, 999));
            String residentId = body + ResidentId.checkCharacter(body);
            int inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING""")
                    .params(residentId, name, birth, LANTIAN).update();
            if (inserted == 1) {
                return residentId;
            }
        }
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
    }

    private static void watchConsole(Page page, List<String> errors) {
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
    }
}
