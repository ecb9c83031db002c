package org.yinling.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared layout as a reader meets it in Excel: title over heads, frozen, widths, numbers and IDs as they are. */
class TitledSheetTest {

    @Test
    void aTitleOverFrozenHeadsWithWidthsNumbersInTheirFormatAndIdsAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TitledSheet.of("蓝天社区 2026-11 测试表", List.of("身份证号", "金额", "人数"), 22, 12, 8)
                .format(TitledSheet.MONEY, 1).formats((row, column) -> column == 2 ? TitledSheet.COUNT : null)
                .write(out, "测试/表:1", List.of(
                        List.of("330105194001011234", new BigDecimal("1234.5"), 12),
                        List.of("33010519400101123X", "<5", 3)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetName(0)).isEqualTo("测试_表_1");                 // made safe for Excel
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("蓝天社区 2026-11 测试表");
            assertThat(sheet.getMergedRegions()).extracting(Object::toString).anyMatch(r -> r.contains("A1:C1"));
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("金额");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(22 * 256);
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("330105194001011234");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            Row second = sheet.getRow(3);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("<5");                  // a mark stays text
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("33010519400101123X");
        }
    }

    @Test
    void everyColumnHasItsWidth() {
        assertThatThrownBy(() -> TitledSheet.of("t", List.of("a", "b"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
