package org.yinling.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium logs in on the real application and embedded PostgreSQL. */
class LoginAndHomeBrowserIT extends BrowserTest {

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"));
        page = context.newPage();
        // CSP violations and script errors show up here; a page that works only with them is broken.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void districtStaffLogsInAndSeesTheChineseHomePage() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("h1")).hasText("银龄");
        assertThat(page.locator("#demo-accounts")).containsText("区民政局工作人员");
        screenshot("login-zh");

        page.fill("#username", "district");
        page.fill("#password", "yinling");
        page.click("#login-submit");

        // back to the page first asked for ("/", with Spring Security's ?continue marker)
        assertThat(page).hasURL(Pattern.compile("^http://localhost:" + port + "/(\\?continue)?$"));
        assertThat(page.locator("h1")).containsText("您好");
        assertThat(page.locator("#home-scope")).containsText("区民政局工作人员");
        assertThat(page.locator("#home-scope")).containsText("拱墅区（演示）");
        assertThat(page.locator("nav.navbar")).containsText("演示数据");
        screenshot("home-zh");

        page.navigate(url("/?lang=en"));
        assertThat(page.locator("#home-scope")).containsText("District staff");
        // every menu of district staff fits the bar at 1280 px, in the longer language too: nothing to scroll sideways
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("page width at a 1280 px window").isLessThanOrEqualTo(1280);
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
                        "document.querySelector('nav.navbar').getBoundingClientRect().height")).intValue())
                .as("the navigation bar on one line").isLessThan(80);
        screenshot("home-en");
        page.navigate(url("/?lang=zh-CN"));

        // the user menu is Bootstrap JavaScript: it must work under the Content-Security-Policy
        page.click("#user-menu");
        page.click("#logout");
        assertThat(page).hasURL(url("/login?logout"));
        assertThat(page.locator(".alert-success")).containsText("您已安全退出");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void wrongPasswordShowsTheMessageOnTheLoginPage() {
        page.navigate(url("/login"));
        page.fill("#username", "street");
        page.fill("#password", "not-the-password");
        page.click("#login-submit");
        assertThat(page.locator("#login-error")).hasText("用户名或密码错误。");
    }

    @Test
    void administratorSeesAdministrationAndAFriendlyFormError() {
        page.navigate(url("/login"));
        page.fill("#username", "admin");
        page.fill("#password", "yinling");
        page.click("#login-submit");
        page.click("main >> text=用户管理");
        assertThat(page.locator("#users-table")).containsText("district");
        screenshot("admin-users-zh");

        page.click("#user-new");
        page.fill("#username", "browser.test");
        page.fill("#displayName", "浏览器测试");
        page.selectOption("#role", "COMMUNITY_CLERK");
        page.selectOption("#regionCode", "330105001000");
        page.fill("#password", "short");
        page.fill("#passwordConfirm", "short");
        page.click("#user-save");
        assertThat(page.locator("#user-form")).containsText("社区受理人员的所属区域须为社区（村）");
        assertThat(page.locator("#user-form")).containsText("密码至少需要 8 位");
        screenshot("admin-user-form-errors-zh");

        page.navigate(url("/admin/regions?parent=330105000000"));
        assertThat(page.locator("#regions-table")).containsText("上塘街道");
        screenshot("admin-regions-zh");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void everyRolesMenuFitsTheBarAt1280PxInBothLanguages() {
        List<String> overflowing = new ArrayList<>();
        for (String user : List.of("admin", "district", "street", "community", "manager", "provider", "visitor",
                "institution")) {
            try (BrowserContext own = browser.newContext(
                    new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"))) {
                Page userPage = own.newPage();
                userPage.navigate(url("/login"));
                userPage.fill("#username", user);
                userPage.fill("#password", "yinling");
                userPage.click("#login-submit");
                for (String lang : List.of("zh-CN", "en")) {
                    userPage.navigate(url("/?lang=" + lang));
                    int width = ((Number) userPage.evaluate("document.documentElement.scrollWidth")).intValue();
                    int bar = ((Number) userPage.evaluate(
                            "document.querySelector('nav.navbar').getBoundingClientRect().height")).intValue();
                    if (width > 1280 || bar >= 80) {
                        overflowing.add(user + " " + lang + ": page " + width + " px wide, bar " + bar + " px high");
                        userPage.screenshot(new Page.ScreenshotOptions().setPath(
                                BrowserSupport.SCREENSHOTS.resolve("menu-overflow-" + user + "-" + lang + ".png")));
                    }
                }
            }
        }
        assertThat(overflowing).as("menus wider than the bar or wrapped to a second line").isEmpty();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

}
