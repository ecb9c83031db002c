package org.yinling.elder;

/** One problem of one import row: where it is and what is wrong, as a message key. */
public record ImportProblem(int rowNumber, ImportColumn column, String messageKey, String residentId, String name) {

    public String columnKey() {
        return column.headerKey();
    }
}
