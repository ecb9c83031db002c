package org.yinling.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts Debian's Chromium through Playwright, never a downloaded browser. Without Chromium a developer's run skips
 * the browser tests with instructions; in CI (CI=true) a missing Chromium is a failure, so it can never skip there.
 */
final class BrowserSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String INSTALL_HINT =
            "Browser tests need Debian's Chromium: sudo apt-get install chromium fonts-noto-cjk (or set YINLING_CHROMIUM)";

    private BrowserSupport() {
    }

    static Path chromium() {
        Path path = Path.of(System.getenv().getOrDefault("YINLING_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("Chromium is missing in CI at " + path + ". " + INSTALL_HINT);
            }
            Assumptions.abort(INSTALL_HINT);
        }
        return path;
    }

    static void screenshot(com.microsoft.playwright.Page page, String name) {
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright, Path chromium) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }
}
