package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The application on a random port and one headless Chromium for the test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        // 5 s by default: too short for a log-in with its redirects while the machine runs other builds too
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        var chromium = BrowserSupport.chromium();
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright, chromium);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    void logIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        assertThat(page.locator("h1")).containsText("您好");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Screenshots of the page shown, in Chinese and in English, for docs/screenshots: the English one is the same
     * address opened again with {@code lang=en}, so only pages that a GET shows again belong here. The page is left
     * in Chinese, as it was.
     */
    void screenshotsInBothLanguages(Page page, String name) {
        String shown = page.url();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        BrowserSupport.screenshot(page, name + "-zh");
        page.navigate(withLanguage(shown, "en"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        BrowserSupport.screenshot(page, name + "-en");
        page.navigate(withLanguage(shown, "zh-CN"));
    }

    private static String withLanguage(String address, String language) {
        String bare = address.replaceAll("([?&])lang=[^&#]*&?", "$1").replaceAll("[?&]$", "");
        return bare + (bare.contains("?") ? "&" : "?") + "lang=" + language;
    }
}
