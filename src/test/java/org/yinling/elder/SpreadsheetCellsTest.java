package org.yinling.elder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yinling.system.SpreadsheetCells;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+86 138", "-2", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"})
    void textAFormulaCouldStartWithIsRecognisedAndRefusedAsAName(String text) {
        assertThat(SpreadsheetCells.startsLikeFormula(text)).isTrue();
        assertThat(text.matches(SpreadsheetCells.NO_FORMULA_START)).isEqualTo(text.charAt(0) == '\t' || text.charAt(0) == '\r');
    }

    @ParameterizedTest
    @ValueSource(strings = {"王秀英", "13800000000", "a=b", "1-2", "张@家", "", "甲\n=1"})
    void ordinaryTextIsAccepted(String text) {
        assertThat(SpreadsheetCells.startsLikeFormula(text)).isFalse();
        assertThat(text.matches(SpreadsheetCells.NO_FORMULA_START)).isTrue();
    }
}
