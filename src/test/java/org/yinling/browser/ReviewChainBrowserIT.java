package org.yinling.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 21 §2 and §6 in a real browser at 1280 px: the policy form's review-chain card, the waiting list's priority
 * page (read only here: an order saved for the demo district would move other tests' lists), the institution form's
 * filing fields.
 */
class ReviewChainBrowserIT extends BrowserTest {

    @Test
    void theChainCardThePriorityPageAndTheFilingFields() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");
            page.navigate(url("/subsidies/policies/new"));
            assertThat(page.locator("#policy-chain-card")).isVisible();
            assertThat(page.locator("#policy-chain-card input[name=streetReview]")).isChecked();
            page.locator("#policy-chain-card").scrollIntoViewIfNeeded();
            screenshotsInBothLanguages(page, "policy-chain");

            page.navigate(url("/waiting-list/priority"));
            assertThat(page.locator("#priority-in-force li")).hasCount(7);
            assertThat(page.locator("#priority-form input[name=rank]")).hasCount(6);
            screenshotsInBothLanguages(page, "waiting-priority");

            page.navigate(url("/institutions/new"));
            assertThat(page.locator("#filingReceipt")).isVisible();
            assertThat(page.locator("#filingDate")).isVisible();
            screenshotsInBothLanguages(page, "institution-filing");
        }
    }
}
