package org.yinling.browser;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yinling.elder.ResidentId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The registry's new fields and the import in a real browser: an ID pasted with spaces, the disability certificate and
 * the care flags on the form and the detail page; the template downloaded, filled in (one ID stored as a number, as
 * Excel does) and uploaded; the check page's preview. Screenshots in both languages, the template's too (its sheet
 * drawn as a table: a browser cannot open .xlsx).
 */
class ElderFieldsBrowserIT extends BrowserTest {

    @Test
    void aClerkRecordsTheNewFieldsAndImportsTheTemplate() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setAcceptDownloads(true))) {
            Page page = context.newPage();
            logIn(page, "district", "yinling");

            String residentId = id("19410404", 741);
            page.navigate(url("/elders/new"));
            // pasted from a scan or a chat: groups separated by spaces; the field keeps all of it
            page.fill("#residentId", residentId.substring(0, 6) + " " + residentId.substring(6, 14) + " "
                    + residentId.substring(14));
            page.fill("#name", "浏览器字段");
            page.selectOption("#communityCode", "330105001001");
            page.selectOption("#livingArrangement", "ALONE");
            page.selectOption("#disabilityCategory", "VISUAL");
            page.selectOption("#disabilityLevel", "2");
            page.check("#leftBehind");
            page.check("#seriousIllness");
            BrowserSupport.screenshot(page, "elder-form-care-zh");
            page.click("#elder-save");
            assertThat(page.locator("#elder-resident-id")).hasText(residentId);
            assertThat(page.locator("#elder-disability")).hasText("视力残疾，二级（重度）");
            assertThat(page.locator("#elder-care-flags")).containsText("留守");
            assertThat(page.locator("#elder-care-flags")).containsText("患重大疾病");
            screenshotsInBothLanguages(page, "elder-detail-care");
            page.click("#elder-edit");
            screenshotsInBothLanguages(page, "elder-form-care");

            // the template, as the import page offers it
            page.navigate(url("/elders/import"));
            Download download = page.waitForDownload(() -> page.click("#import-template"));
            byte[] template = Files.readAllBytes(download.path());
            showTemplate(page, template, "elder-import-template-zh");
            page.navigate(url("/elders/import?lang=en"));
            Download english = page.waitForDownload(() -> page.click("#import-template"));
            showTemplate(page, Files.readAllBytes(english.path()), "elder-import-template-en");
            page.navigate(url("/elders/import?lang=zh-CN"));

            // filled in: two good rows, one ID that Excel stored as a number
            Path file = Files.createTempFile("template-", ".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                 OutputStream out = Files.newOutputStream(file)) {
                XSSFSheet data = workbook.getSheetAt(0);
                Row example = data.getRow(1);
                example.getCell(0).setCellValue(id("19400505", 742));
                example.getCell(1).setCellValue("模板导入甲");
                copy(example, data.createRow(2)).getCell(0).setCellValue(id("19400606", 743));
                data.getRow(2).getCell(1).setCellValue("模板导入乙");
                Row number = copy(example, data.createRow(3));
                number.getCell(0).setCellValue(330105194912310021d);
                number.getCell(1).setCellValue("数字号码");
                workbook.write(out);
            }
            try {
                page.setInputFiles("#file", file);
                page.click("#import-upload");
                assertThat(page.locator("#import-counts")).isVisible();
                assertThat(page.locator("#count-new")).hasText("2");
                assertThat(page.locator("#import-preview")).containsText("模板导入甲");
                assertThat(page.locator("#import-preview")).containsText("肢体残疾，三级（中度）");
                assertThat(page.locator("#import-problems")).containsText("身份证号被存成了数字");
                screenshotsInBothLanguages(page, "elder-import-preview");
            }
            finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Row copy(Row from, Row to) {
        for (Cell cell : from) {
            Cell copy = to.createCell(cell.getColumnIndex());
            copy.setCellStyle(cell.getCellStyle());
            copy.setCellValue(cell.getStringCellValue());
        }
        return to;
    }

    /** The template's data sheet drawn as a table: heads, the example row, each column's format and its drop-down. */
    private void showTemplate(Page page, byte[] template, String name) throws Exception {
        StringBuilder html = new StringBuilder("<html><head><meta charset='utf-8'><style>"
                + "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:12px;margin:12px}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}"
                + "th{background:#ddd}.fmt{color:#06c}.list{color:#555;font-size:11px}</style></head><body>");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet data = workbook.getSheetAt(0);
            Map<Integer, List<String>> lists = new LinkedHashMap<>();
            data.getDataValidations().forEach(v -> {
                if (v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST) {
                    AreaReference area = new AreaReference(v.getValidationConstraint().getFormula1(),
                            workbook.getSpreadsheetVersion());
                    List<String> values = new ArrayList<>();
                    for (CellReference ref : area.getAllReferencedCells()) {
                        values.add(workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol())
                                .getStringCellValue());
                    }
                    lists.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(), values);
                }
            });
            html.append("<h3>").append(workbook.getSheetName(0)).append(" (.xlsx)</h3><table><tr>");
            int columns = data.getRow(0).getLastCellNum();
            for (int c = 0; c < columns; c++) {
                html.append("<th>").append(data.getRow(0).getCell(c).getStringCellValue()).append("</th>");
            }
            html.append("</tr><tr>");
            for (int c = 0; c < columns; c++) {
                html.append("<td>").append(data.getRow(1).getCell(c).getStringCellValue()).append("</td>");
            }
            html.append("</tr><tr>");
            for (int c = 0; c < columns; c++) {
                String format = data.getColumnStyle(c) == null ? "" : data.getColumnStyle(c).getDataFormatString();
                html.append("<td class='fmt'>").append("@".equals(format) ? "[text @]" : "")
                        .append(lists.containsKey(c) ? "[▼]" : "").append("</td>");
            }
            html.append("</tr><tr>");
            for (int c = 0; c < columns; c++) {
                List<String> values = lists.getOrDefault(c, List.of());
                html.append("<td class='list'>")
                        .append(String.join("<br>", values.subList(0, Math.min(values.size(), 12))))
                        .append(values.size() > 12 ? "<br>… (" + values.size() + ")" : "").append("</td>");
            }
            html.append("</tr></table></body></html>");
        }
        page.setViewportSize(2400, 700);
        // a blank page of its own: the application's content security policy would block the inline style
        page.navigate("about:blank");
        page.setContent(html.toString());
        BrowserSupport.screenshot(page, name);
        page.setViewportSize(1280, 900);
    }

    private static String id(String birthDate, int sequence) {
        String body = "110105" + birthDate + sequence;
        return body + ResidentId.checkCharacter(body);
    }
}
