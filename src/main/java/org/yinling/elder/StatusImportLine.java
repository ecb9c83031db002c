package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.yinling.elder.StatusImportColumns.Column;

/**
 * One data row of an agency's list as read from the file, with what can be checked without the registry: whether
 * the ID and the date can be read. A row that fails is {@link StatusImportOutcome#INVALID} with the reason's message
 * key; the others are classified against the registry by {@link StatusImportStore#classify}.
 */
record StatusImportLine(int rowNo, String rawResidentId, String residentId, String rawDate, LocalDate date,
                        String agency, String documentNo, StatusImportOutcome outcome, String reason) {

    static final int RAW_LENGTH = 40;
    static final int TEXT_LENGTH = 100;

    static StatusImportLine read(int rowNo, List<String> cells, StatusImportColumns columns, LocalDate today) {
        String rawId = columns.cell(cells, Column.RESIDENT_ID);
        String rawDate = columns.cell(cells, Column.DATE);
        String agency = columns.cell(cells, Column.AGENCY);
        String documentNo = columns.cell(cells, Column.DOCUMENT_NO);
        String residentId = null;
        String problem = null;
        try {
            residentId = ResidentId.parse(asciiWithoutSpaces(rawId), today).value();
        }
        catch (InvalidResidentIdException e) {
            problem = e.messageKey();
        }
        Optional<LocalDate> date = StatusImportDates.parse(rawDate);
        if (problem == null && date.isEmpty()) {
            problem = rawDate.isEmpty() ? "statusImport.reason.dateMissing" : "statusImport.reason.dateUnreadable";
        }
        // the agency is the legal basis written into the elder's record; a row without it cannot be applied
        if (problem == null && agency.isEmpty()) {
            problem = "statusImport.reason.agencyMissing";
        }
        return new StatusImportLine(rowNo, cut(rawId, RAW_LENGTH), residentId, cut(rawDate, RAW_LENGTH),
                date.orElse(null), cut(agency, TEXT_LENGTH), cut(documentNo, TEXT_LENGTH),
                problem == null ? null : StatusImportOutcome.INVALID, problem);
    }

    /** A row with no cell filled in: trailing empty rows that spreadsheets often carry. */
    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /**
     * Lists typed in Chinese input methods often carry full-width digits (０-９, Ｘ) and spaces between digit groups;
     * both are harmless and are cleaned before the ID is checked.
     */
    static String asciiWithoutSpaces(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= '０' && c <= '９') {
                ascii.append((char) (c - '０' + '0'));
            }
            else if (c == 'Ｘ' || c == 'ｘ') {
                ascii.append('X');
            }
            else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                ascii.appendCodePoint(c);
            }
        });
        return ascii.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
