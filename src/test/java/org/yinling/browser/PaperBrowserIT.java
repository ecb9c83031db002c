package org.yinling.browser;

import java.io.IOException;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 §3 in Chromium: the publicity notice of a whole street, printed to PDF, comes out on A4 with one community
 * per sheet, the column heads on every page and "第 x 页 共 y 页" (in English "Page x of y") at the foot of each page,
 * read back from the PDF; screenshots of the notice, the approval form, the assessment report, the audit log and the
 * bureau's settings in both languages.
 */
class PaperBrowserIT extends BrowserTest {

    private static final String SHANGTANG = "330105001000";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreetsNoticePrintsOnA4WithPageNumbersAndHeadsOnEveryPage() throws IOException {
        // twelve elders of each community of 上塘街道 in publicity: several sheets, the longer ones over two pages
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, publicity_ends, created_by, updated_by)
                        SELECT e.id, p.id, p.code, e.community_code, 'PUBLICITY', 'COMMUNITY', 0, 100, :today, :today,
                               CAST(:today AS date) + 7, 'community', 'district'
                        FROM (SELECT e.*, row_number() OVER (PARTITION BY e.community_code ORDER BY e.id) AS n
                              FROM elder e
                              WHERE e.community_code LIKE '330105001%' AND e.life_status = 'ACTIVE'
                                AND NOT EXISTS (SELECT 1 FROM subsidy_application a WHERE a.elder_id = e.id
                                                AND a.stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY'))) e
                        JOIN subsidy_policy p ON p.code = 'GAOLING' AND p.status = 'PUBLISHED'
                        WHERE e.n <= 40
                        """).param("today", TestDates.today()).update();
        long communities = jdbc.sql("""
                        SELECT count(DISTINCT community_code) FROM subsidy_application
                        WHERE stage = 'PUBLICITY' AND community_code LIKE '330105001%'
                        """).query(Long.class).single();
        assertThat(communities).isGreaterThan(1);
        long application = jdbc.sql("""
                        SELECT max(id) FROM subsidy_application WHERE stage = 'PUBLICITY' AND community_code = '330105001001'
                        """).query(Long.class).single();
        long assessed = jdbc.sql("""
                        SELECT min(a.elder_id) FROM assessment a JOIN elder e ON e.id = a.elder_id
                        WHERE e.community_code = '330105001001'
                        """).query(Long.class).single();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "street", "yinling");
            page.navigate(url("/subsidies/publicity/notice?street=" + SHANGTANG));
            assertThat(page.locator("section.notice-sheet")).hasCount((int) communities);
            assertThat(page.locator("section.notice-sheet .notice-issuer").first()).containsText("民政局");
            screenshotsInBothLanguages(page, "publicity-notice-street");

            String zh = pdfText(page, "publicity-notice-street-zh");
            List<String> zhPages = List.of(zh.split("\f"));
            int pages = zhPages.size();
            assertThat(pages).isGreaterThanOrEqualTo((int) communities);
            for (int i = 1; i <= pages; i++) {
                String text = zhPages.get(i - 1).replaceAll("\\s", "");
                assertThat(text).as("page %d", i).contains("第" + i + "页共" + pages + "页");
                // the column heads on every page of a table (a sheet's closing issuer and stamp may run over alone)
                boolean closingOnly = text.contains("（盖章）") && text.length() < 60;
                if (!closingOnly) {
                    assertThat(text).as("page %d", i).contains("序号");
                }
                assertThat(text).doesNotContain("退出登录");
            }

            page.navigate(url("/subsidies/publicity/notice?street=" + SHANGTANG + "&lang=en"));
            String en = pdfText(page, "publicity-notice-street-en");
            // English runs longer than Chinese, so it may take a page more: its own count, on every page
            int enPages = en.split("\f").length;
            assertThat(enPages).isGreaterThanOrEqualTo((int) communities);
            assertThat(en.replaceAll("\\s+", " ")).contains("Page 1 of " + enPages)
                    .contains("Page " + enPages + " of " + enPages);

            page.navigate(url("/subsidies/publicity/notice?community=330105001001&lang=zh-CN"));
            assertThat(page.locator("section.notice-sheet")).hasCount(1);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            BrowserSupport.screenshot(page, "publicity-notice-print-zh");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            page.navigate(url("/subsidies/applications/" + application + "/form"));
            assertThat(page.locator("#approval-stages .stamp-box")).hasCount(3);
            screenshotsInBothLanguages(page, "approval-form");

            page.navigate(url("/elders/" + assessed + "/assessments/report"));
            assertThat(page.locator("#assessment-report-items tbody tr:not(.table-group-total)")).hasCount(26);
            screenshotsInBothLanguages(page, "assessment-report");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            logIn(page, "admin", "yinling");
            page.navigate(url("/admin/audit"));
            assertThat(page.locator(".audit-sentence").first()).isVisible();
            screenshotsInBothLanguages(page, "audit-log");
            page.navigate(url("/admin/bureaux"));
            screenshotsInBothLanguages(page, "issuing-bureaux");
        }
    }

    /** The page printed as Chromium prints it (A4 and margins from the style sheet), as text, pages split by \f. */
    private static String pdfText(Page page, String name) throws IOException {
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(false));
        java.nio.file.Files.createDirectories(BrowserSupport.SCREENSHOTS);
        java.nio.file.Files.write(BrowserSupport.SCREENSHOTS.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 597f);   // 210 mm
            assertThat(document.getPage(0).getMediaBox().getHeight()).isBetween(841f, 843f);  // 297 mm
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\f");
            return stripper.getText(document);
        }
    }
}
