package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one row of an agency's list: columns by header, the dates agencies write, what makes a row INVALID. */
class StatusImportLineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String ID = "11010519491231002X";

    @Test
    void datesInTheUsualSpellingsAreRead() {
        LocalDate march5 = LocalDate.of(2026, 3, 5);
        for (String text : List.of("2026-03-05", "2026-3-5", "2026/3/5", "2026/03/05", "2026.3.5", "2026年3月5日",
                "20260305", "2026-03-05 00:00:00", "2026/3/5 14:30", "46086", "46086.0", " 2026-03-05 ")) {
            assertThat(StatusImportDates.parse(text)).as(text).contains(march5);
        }
    }

    @Test
    void impossibleOrAmbiguousDatesAreNotRead() {
        for (String text : List.of("", "  ", "2026-02-30", "2026-13-01", "2026/3-5", "05/03/2026", "三月五日", "12",
                "2026-03-05T", "昨天")) {
            assertThat(StatusImportDates.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void columnsAreFoundByHeaderInAnyOrder() {
        StatusImportColumns columns = StatusImportColumns.of(List.of("序号", " 文书编号 ", "*身份证号码", "死亡日期：", "来源单位"));
        StatusImportLine line = StatusImportLine.read(2, List.of("1", "死证001", ID, "2026-01-02", "医院"), columns, TODAY);
        assertThat(line.residentId()).isEqualTo(ID);
        assertThat(line.date()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(line.agency()).isEqualTo("医院");
        assertThat(line.documentNo()).isEqualTo("死证001");
        assertThat(line.outcome()).isNull();
    }

    @Test
    void missingHeadersAreNamed() {
        assertThatThrownBy(() -> StatusImportColumns.of(List.of("身份证号", "姓名")))
                .isInstanceOfSatisfying(SpreadsheetException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("statusImport.file.columns");
                    assertThat(e.arguments()).containsExactly("日期、来源单位、文书编号");
                });
    }

    @Test
    void fullWidthDigitsSpacesAndLowerCaseXAreCleanedBeforeTheCheck() {
        StatusImportColumns columns = StatusImportColumns.of(List.of("身份证号", "日期", "来源单位", "文书编号"));
        String fullWidth = "１１０１０５ １９４９１２３１ ００２ｘ";
        assertThat(StatusImportLine.read(2, List.of(fullWidth, "2026-01-02", "医院", ""), columns, TODAY).residentId())
                .isEqualTo(ID);
        assertThat(StatusImportLine.asciiWithoutSpaces("11010519491231002ｘ")).isEqualTo("11010519491231002X");
    }

    @Test
    void rowsThatCannotBeReadAreInvalidWithTheReason() {
        StatusImportColumns columns = StatusImportColumns.of(List.of("身份证号", "日期", "来源单位", "文书编号"));
        assertThat(reason(columns, "110105194912310022", "2026-01-02", "医院")).isEqualTo("elder.residentId.check_digit");
        assertThat(reason(columns, "", "2026-01-02", "医院")).isEqualTo("elder.residentId.blank");
        assertThat(reason(columns, ID, "", "医院")).isEqualTo("statusImport.reason.dateMissing");
        assertThat(reason(columns, ID, "2026-02-30", "医院")).isEqualTo("statusImport.reason.dateUnreadable");
        assertThat(reason(columns, ID, "2026-01-02", "")).isEqualTo("statusImport.reason.agencyMissing");
        StatusImportLine shortRow = StatusImportLine.read(3, List.of(ID), columns, TODAY);
        assertThat(shortRow.outcome()).isEqualTo(StatusImportOutcome.INVALID);
        assertThat(StatusImportLine.read(4, List.of(ID, "2026-01-02", "医院", "x".repeat(500)), columns, TODAY)
                .documentNo()).hasSize(StatusImportLine.TEXT_LENGTH);
    }

    @Test
    void unreadableIdsAreMaskedToo() {
        assertThat(StatusImportRowView.mask(ID, "whatever")).isEqualTo("110105********002X");
        assertThat(StatusImportRowView.mask(null, "11010519491231002Z")).isEqualTo("110105********002Z");
        assertThat(StatusImportRowView.mask(null, "12345")).isEqualTo("*****");
        assertThat(StatusImportRowView.mask(null, "")).isEmpty();
    }

    @Test
    void fileNamesLoseClientDirectories() {
        assertThat(Uploads.fileName("C:\\Users\\王\\死亡名单.xlsx")).isEqualTo("死亡名单.xlsx");
        assertThat(Uploads.fileName("a/b/list.csv")).isEqualTo("list.csv");
        assertThat(Uploads.fileName(null)).isEmpty();
    }

    private static String reason(StatusImportColumns columns, String id, String date, String agency) {
        StatusImportLine line = StatusImportLine.read(2, List.of(id, date, agency, "编号"), columns, TODAY);
        assertThat(line.outcome()).isEqualTo(StatusImportOutcome.INVALID);
        return line.reason();
    }
}
