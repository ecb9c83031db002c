package org.yinling.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * District staff enter an elder through the form in a real browser: a wrong ID first, then a valid one; the elder is
 * found by name and by ID suffix; a clerk of another community cannot open the record.
 */
class ElderRegistryBrowserIT extends BrowserTest {

    @Test
    void districtStaffEnterAnElderAndAnotherCommunityCannotOpenIt() {
        String body = "11010519370815004";
        String residentId = body + ResidentId.checkCharacter(body);
        char wrong = residentId.charAt(17) == '1' ? '2' : '1';
        String wrongId = body + wrong;
        List<String> consoleErrors = new ArrayList<>();

        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text());
                }
            });
            logIn(page, "district");
            page.click("main >> text=老年人信息");
            page.click("#elder-new");

            page.fill("#residentId", wrongId);
            page.fill("#name", "浏览器测试老人");
            page.selectOption("#communityCode", "330105001001");
            page.selectOption("#livingArrangement", "ALONE");
            page.selectOption("#economicStatus", "MINIMUM_LIVING");
            page.fill("#incomePerPerson", "460");
            page.fill("#phone", "13900001111");
            page.click("#elder-save");
            assertThat(page.locator("#elder-form")).containsText("身份证号码校验位不正确");
            BrowserSupport.screenshot(page, "elder-form-error-zh");

            page.fill("#residentId", residentId.toLowerCase());
            page.click("#elder-save");
            assertThat(page.locator("#elder-resident-id")).hasText(residentId);
            assertThat(page.locator(".alert-success")).containsText("已登记");
            assertThat(page.locator("main")).containsText("1937-08-15");
            assertThat(page.locator("main")).containsText("女");
            String detailUrl = page.url();

            // a capability assessment: every item at its best except walking and stairs
            page.click("#elder-assess");
            for (var item : org.yinling.elder.AssessmentItem.values()) {
                page.selectOption("#score-" + item.name(), String.valueOf(item.maxScore()));
            }
            page.selectOption("#score-WALKING_ON_LEVEL_GROUND", "1");
            // the running total while one item is still open: no level yet
            page.selectOption("#score-STAIRS", "");
            assertThat(page.locator("#summary-scored")).hasText("25");
            assertThat(page.locator("#summary-total")).hasText("84");
            assertThat(page.locator("#summary-level")).containsText("全部 26 项评分后显示");
            page.selectOption("#score-STAIRS", "0");
            assertThat(page.locator("#summary-total")).hasText("84");
            assertThat(page.locator("#summary-level")).hasText("能力轻度受损（轻度失能）");
            // a dementia diagnosis worsens it by one level before saving, and the summary says so
            page.check("#dementia");
            assertThat(page.locator("#summary-level")).hasText("能力中度受损（中度失能）");
            assertThat(page.locator("#summary-adjusted")).containsText("能力轻度受损");
            page.uncheck("#dementia");
            assertThat(page.locator("#summary-adjusted")).isHidden();
            // two assessors and their agency (GB/T 42195-2022; issue 21 §5)
            page.fill("#secondAssessor", "评估员乙");
            page.selectOption("#agencyId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
            BrowserSupport.screenshot(page, "elder-assessment-zh");
            page.click("#assessment-save");
            // 90 - 3 - 3 = 84 points: level 1
            assertThat(page.locator("#elder-level")).containsText("轻度");
            assertThat(page.locator("#assessment-history")).containsText("84");
            screenshotsInBothLanguages(page, "elder-detail");

            page.navigate(url("/elders?q=浏览器测试"));
            assertThat(page.locator("#elders-table")).containsText("浏览器测试老人");
            assertThat(page.locator("#elders-table")).containsText(residentId.substring(0, 6) + "********" + residentId.substring(14));
            assertThat(page.locator("#elders-table")).not().containsText(residentId);
            screenshotsInBothLanguages(page, "elder-list");

            page.fill("#q", residentId.substring(13));
            page.click("#elder-search-submit");
            assertThat(page.locator("#elders-table")).containsText("浏览器测试老人");
            assertThat(consoleErrors).as("browser console errors").isEmpty();

            try (BrowserContext other = newContext()) {
                Page clerkPage = other.newPage();
                logInAs(clerkPage, "guashan.browser", "330105001002");
                Response response = clerkPage.navigate(detailUrl);
                assertThat(response.status()).isEqualTo(404);
                assertThat(clerkPage.locator("#error-page")).containsText("页面或记录不存在");
                assertThat(clerkPage.locator("body")).not().containsText(residentId);
                clerkPage.navigate(url("/elders?q=浏览器测试"));
                assertThat(clerkPage.locator("#elders-table")).not().containsText("浏览器测试老人");
            }
        }
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
    }

    private void logIn(Page page, String username) {
        logIn(page, username, "yinling");
    }

    /** A community clerk of another community, created through the administration pages. */
    private void logInAs(Page page, String username, String community) {
        logIn(page, "admin");
        page.navigate(url("/admin/users/new"));
        page.fill("#username", username);
        page.fill("#displayName", "瓜山社区 测试员");
        page.selectOption("#role", "COMMUNITY_CLERK");
        page.selectOption("#regionCode", community);
        page.fill("#password", "Guashan2026");
        page.fill("#passwordConfirm", "Guashan2026");
        page.click("#user-save");
        page.click("#user-menu");
        page.click("#logout");
        page.fill("#username", username);
        page.fill("#password", "Guashan2026");
        page.click("#login-submit");
        // the administrator chose the password: the clerk sets their own first
        assertThat(page.locator("#currentPassword")).isVisible();
        screenshotsInBothLanguages(page, "password-change");
        page.fill("#currentPassword", "Guashan2026");
        page.fill("#password", "Guashan2027x");
        page.fill("#passwordConfirm", "Guashan2027x");
        page.click("#password-change-save");
        assertThat(page.locator("#home-scope")).containsText("瓜山社区");
    }

}
