package org.yinling.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A clerk uploads a small CSV in a real browser, reads the report while htmx polls, confirms, and finds the elders. */
class ElderImportBrowserIT extends BrowserTest {

    @Test
    void communityClerkImportsASmallFile() throws Exception {
        String good1 = id("19360101", 701);
        String good2 = id("19370202", 702);
        String csv = String.join("\r\n",
                "身份证号,姓名,社区代码,居住状况,经济状况",
                good1 + ",浏览器导入甲,330105001001,独居,低保",
                good2 + ",浏览器导入乙,330105001001,空巢,无",
                wrongCheck("19370303") + ",浏览器导入错,330105001001,独居,无",
                "");
        Path file = Files.createTempFile("elders-", ".csv");
        Files.writeString(file, csv);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            logIn(page, "community", "yinling");
            page.navigate(url("/elders"));
            page.click("#elder-import");
            page.setInputFiles("#file", file);
            page.click("#import-upload");

            assertThat(page.locator("#import-counts")).isVisible();
            assertThat(page.locator("#count-new")).hasText("2");
            assertThat(page.locator("#count-error")).hasText("1");
            assertThat(page.locator("#import-problems")).containsText("身份证号码校验位不正确");
            BrowserSupport.screenshot(page, "elder-import-report-zh");

            page.onDialog(dialog -> dialog.accept());
            page.click("#import-confirm");
            assertThat(page.locator("#import-state")).hasText("已导入。");

            page.navigate(url("/elders?q=浏览器导入"));
            assertThat(page.locator("#elders-table")).containsText("浏览器导入甲");
            assertThat(page.locator("#elders-table")).containsText("浏览器导入乙");
            assertThat(page.locator("#elders-table")).not().containsText("浏览器导入错");
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    /** A resident ID whose check character is wrong. */
    private static String wrongCheck(String birthDate) {
        String body = "110105" + birthDate + "700";
        char right = ResidentId.checkCharacter(body);
        return body + (right == '0' ? '1' : '0');
    }

    private static String id(String birthDate, int sequence) {
        String body = "110105" + birthDate + sequence;
        return body + ResidentId.checkCharacter(body);
    }

}
