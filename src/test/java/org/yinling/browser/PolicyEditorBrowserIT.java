package org.yinling.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule editor in a real browser (issue 20 §6), on the simulation of the demo 高龄津贴: each condition shows only
 * the controls its attribute needs, unused rows wait behind "add condition", "remove" takes a condition out, choices
 * are radio buttons or checkboxes, and what the browser posts is the rule the page showed (the simulated rule in
 * words).
 */
class PolicyEditorBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachConditionShowsItsOwnControlsAndTheEditedRuleIsSimulated() {
        long policy = jdbc.sql("""
                        SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'
                        ORDER BY version DESC LIMIT 1""").query(Long.class).single();
        List<String> consoleErrors = new ArrayList<>();
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            watchConsole(page, consoleErrors);
            logIn(page, "district", "yinling");
            page.navigate(url("/subsidies/simulation/" + policy));

            // the rule's three conditions and three tiers, nothing else
            Locator group = page.locator("#group-0");
            assertThat(group.locator(".criterion-row:visible")).hasCount(3);
            assertThat(page.locator("#group-1 .criterion-row:visible")).hasCount(1);
            assertThat(page.locator(".tier-slot:visible")).hasCount(3);
            // age: a number, no choices; local hukou: yes/no as radio buttons, "yes" chosen
            Locator age = group.locator(".criterion-row").nth(2);
            assertThat(age.locator(".criterion-value-col")).isVisible();
            assertThat(age.locator(".criterion-value2-col")).isHidden();
            assertThat(age.locator(".criterion-choices-col")).isHidden();
            Locator hukou = group.locator(".criterion-row").nth(1);
            assertThat(hukou.locator(".criterion-value-col")).isHidden();
            assertThat(hukou.locator(".criterion-checkboxes input[type=radio]")).hasCount(2);
            assertThat(hukou.locator(".criterion-checkboxes input:checked + label")).hasText("是");
            BrowserSupport.screenshot(page, "policy-editor-zh");

            // take out local hukou; add "living alone or empty nest" instead
            hukou.locator(".criterion-remove").click();
            assertThat(group.locator(".criterion-row:visible")).hasCount(2);
            group.locator(".criterion-add").click();
            Locator added = group.locator(".criterion-row:visible").last();
            added.locator(".criterion-attribute-col select").selectOption("LIVING_ARRANGEMENT");
            added.locator(".criterion-operator-col select").selectOption("IN");
            assertThat(added.locator(".criterion-checkboxes input[type=checkbox]")).hasCount(3);
            added.locator(".criterion-checkboxes label", new Locator.LocatorOptions().setHasText("独居")).click();
            added.locator(".criterion-checkboxes label", new Locator.LocatorOptions().setHasText("空巢")).click();
            // a range needs its second number
            age.locator(".criterion-operator-col select").selectOption("BETWEEN");
            assertThat(age.locator(".criterion-value2-col")).isVisible();
            age.locator(".criterion-operator-col select").selectOption("GE");

            page.click("#simulation-run");
            assertThat(page.locator("#simulation-rule-changed")).containsText("独居或空巢");
            assertThat(page.locator("#simulation-rule-changed")).not().containsText("本地户籍");
            assertThat(page.locator("#simulation-rule-now")).containsText("本地户籍");
            page.navigate(url("/subsidies/simulation/" + policy + "?lang=en"));
            BrowserSupport.screenshot(page, "policy-editor-en");
        }
        assertThat(consoleErrors).as("browser console errors").isEmpty();
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
