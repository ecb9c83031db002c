package org.yinling.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a visitor on a 390 px phone finds an overdue elder on their due list, records a visit at home with an
 * urgent home-safety finding, and the street's alert list shows it at once. Screenshots in both languages.
 */
class VisitsBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorRecordsAnUrgentFindingThatTheStreetSeesAtOnce() {
        long elder = rosteredElder("浏览器探访老人");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "visitor", "yinling");
            page.navigate(url("/visits/due"));
            assertThat(page.locator("[data-elder=\"" + elder + "\"]")).containsText("浏览器探访老人");
            assertThat(page.locator("[data-elder=\"" + elder + "\"]")).containsText("已逾期");
            assertThat(fitsTheScreen(page)).as("the due list fits 390 px").isTrue();
            screenshotsInBothLanguages(page, "visits-due-phone");
            page.click("[data-elder=\"" + elder + "\"]");
            page.click("#record-visit");
            assertThat(fitsTheScreen(page)).as("the visit form fits 390 px").isTrue();
            page.click("label[for=\"mode-HOME\"]");
            page.click("label[for=\"reached-yes\"]");
            page.click("label[for=\"health-FINE\"]");
            page.click("label[for=\"homeSafety-URGENT\"]");
            page.fill("input[name=\"homeSafetyNote\"]", "厨房燃气味很重，老人不知道关阀门");
            page.click("label[for=\"money-FINE\"]");
            page.click("label[for=\"family-CONCERN\"]");
            page.click("label[for=\"services-FINE\"]");
            BrowserSupport.screenshot(page, "visits-form-phone-zh");
            page.click("#visit-save");
            assertThat(page.locator("#visit-findings [data-area=\"HOME_SAFETY\"]")).containsText("紧急");
            assertThat(page.locator("#visit-findings [data-area=\"HOME_SAFETY\"]")).containsText("已即时报街道和区");
            screenshotsInBothLanguages(page, "visits-visit-phone");
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "street", "yinling");
            page.navigate(url("/visits/alerts"));
            assertThat(page.locator("#alerts [data-elder=\"" + elder + "\"]")).containsText("厨房燃气味很重");
            assertThat(page.locator("#alerts [data-elder=\"" + elder + "\"]")).containsText("居家安全");
            screenshotsInBothLanguages(page, "visits-alerts-street");
            page.navigate(url("/visits/due"));
            assertThat(page.locator("#community-counts")).containsText("蓝天");
            screenshotsInBothLanguages(page, "visits-due-street");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM visit_alert WHERE elder_id = ? AND area = 'HOME_SAFETY'")
                .param(elder).query(Integer.class).single()).isEqualTo(1);
    }

    private static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** An elder of 蓝天 on the visit roster for 40 days, never visited, bound to the demo visitor. */
    private long rosteredElder(String name) {
        long elder = 0;
        for (int sequence = 1; elder == 0; sequence++) {
            String body = "330105193902" + String.format("%02d", 1 + sequence % 28) + String.format("%03d", 600 + sequence);
            List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, phone,
                                address, living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, '330105001001', '13912340000', '蓝天社区 7 幢 2 单元 501',
                                    'ALONE', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), name,
                            java.time.LocalDate.of(1939, 2, 1 + sequence % 28))
                    .query(Long.class).list();
            if (!inserted.isEmpty()) {
                elder = inserted.get(0);
            }
        }
        jdbc.sql("""
                INSERT INTO visit_roster (elder_id, community_code, rule_id, rule_tier, rostered_on)
                SELECT ?, '330105001001', min(id), 'MEDIUM', current_date - 40 FROM visit_roster_rule
                """).param(elder).update();
        jdbc.sql("""
                INSERT INTO visit_binding (elder_id, visitor_id, bound_by)
                SELECT ?, id, 'test' FROM app_user WHERE username = 'visitor'
                """).param(elder).update();
        return elder;
    }
}
