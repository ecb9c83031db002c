package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.yinling.elder.StatusImportColumns.Column;

/**
 * One row of an agency's list, read from a file or received as an API event, with what can be checked without the
 * registry: whether the ID and the date can be read (and, for an API event, whether what it reports can be). A row
 * that fails is {@link StatusImportOutcome#INVALID} with the reason's message key; the others are classified against
 * the registry by {@link StatusImportStore#classify}.
 */
record StatusImportLine(int rowNo, String rawResidentId, String residentId, String rawDate, LocalDate date,
                        String agency, String documentNo, Circumstance circumstance, StatusImportOutcome outcome,
                        String reason) {

    static final int RAW_LENGTH = 40;
    static final int TEXT_LENGTH = 100;

    /** What a row reports besides the date: the new community, economic status or disability certificate. */
    record Circumstance(String communityCode, EconomicStatus economicStatus, DisabilityCategory disabilityCategory,
                       Integer disabilityLevel) {

        /** A death or move-out reports only its date. */
        static final Circumstance NONE = new Circumstance(null, null, null, null);
    }

    static StatusImportLine read(int rowNo, List<String> cells, StatusImportColumns columns, LocalDate today) {
        String rawDate = columns.cell(cells, Column.DATE);
        return of(rowNo, columns.cell(cells, Column.RESIDENT_ID), rawDate, StatusImportDates.parse(rawDate),
                columns.cell(cells, Column.AGENCY), columns.cell(cells, Column.DOCUMENT_NO), Circumstance.NONE, null,
                today);
    }

    /**
     * A row with the checks every source shares, in this order: the resident ID, the date, {@code problem} (a check
     * of the caller's, e.g. an unknown economic status; null if none) and the source agency.
     */
    static StatusImportLine of(int rowNo, String rawId, String rawDate, Optional<LocalDate> date, String agency,
                               String documentNo, Circumstance circumstance, String problem, LocalDate today) {
        String residentId = null;
        String idProblem = null;
        try {
            residentId = ResidentId.parse(asciiWithoutSpaces(rawId), today).value();
        }
        catch (InvalidResidentIdException e) {
            idProblem = e.messageKey();
        }
        if (idProblem == null && date.isEmpty()) {
            idProblem = rawDate.isEmpty() ? "statusImport.reason.dateMissing" : "statusImport.reason.dateUnreadable";
        }
        if (idProblem == null) {
            idProblem = problem;
        }
        // the agency is the legal basis written into the elder's record; a row without it cannot be applied
        if (idProblem == null && agency.isEmpty()) {
            idProblem = "statusImport.reason.agencyMissing";
        }
        return new StatusImportLine(rowNo, cut(rawId, RAW_LENGTH), residentId, cut(rawDate, RAW_LENGTH),
                date.orElse(null), cut(agency, TEXT_LENGTH), cut(documentNo, TEXT_LENGTH), circumstance,
                idProblem == null ? null : StatusImportOutcome.INVALID, idProblem);
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
