package org.yinling.elder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yinling.system.SpreadsheetCells;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+86 138", "-2", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"})
    void textAFormulaCouldStartWithIsKeptAsText(String text) {
        assertThat(SpreadsheetCells.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @CsvSource({"王秀英,王秀英", "13800000000,13800000000", "a=b,a=b", "1-2,1-2"})
    void ordinaryTextIsUnchanged(String text, String expected) {
        assertThat(SpreadsheetCells.neutralise(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void emptyStaysEmpty(String text) {
        assertThat(SpreadsheetCells.neutralise(text)).isEmpty();
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }
}
