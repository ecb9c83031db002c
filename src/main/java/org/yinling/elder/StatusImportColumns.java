package org.yinling.elder;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yinling.system.SpreadsheetException;

/**
 * Where the four expected columns are in an agency's list, found by their header text, so that the columns may come
 * in any order and other columns are ignored. Headers are compared without spaces and without the asterisk or
 * colon that templates often add; a few names agencies commonly use are accepted besides the expected one.
 */
final class StatusImportColumns {

    enum Column {
        RESIDENT_ID("身份证号", "身份证号码", "公民身份号码"),
        DATE("日期", "死亡日期", "迁出日期"),
        AGENCY("来源单位", "报送单位"),
        DOCUMENT_NO("文书编号", "证明编号");

        private final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }

        /** The header the import instructions ask for. */
        String expectedHeader() {
            return headers.get(0);
        }
    }

    private final Map<Column, Integer> positions;

    private StatusImportColumns(Map<Column, Integer> positions) {
        this.positions = positions;
    }

    /** @throws SpreadsheetException naming the missing headers if any expected column is not found */
    static StatusImportColumns of(List<String> header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String text = normalise(header.get(i));
            for (Column column : Column.values()) {
                if (column.headers.contains(text)) {
                    positions.putIfAbsent(column, i);
                }
            }
        }
        String missing = Stream.of(Column.values()).filter(c -> !positions.containsKey(c))
                .map(Column::expectedHeader).collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            throw new SpreadsheetException("statusImport.file.columns", missing);
        }
        return new StatusImportColumns(positions);
    }

    /** The cell of {@code column} in a data row; "" where the row is shorter. */
    String cell(List<String> cells, Column column) {
        int position = positions.get(column);
        return position < cells.size() && cells.get(position) != null ? cells.get(position).strip() : "";
    }

    private static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u3000*＊:：]", "");
    }
}
