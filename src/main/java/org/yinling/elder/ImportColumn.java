package org.yinling.elder;

/**
 * The columns of the elder import template, in template order. A header matches a column by its Chinese or English
 * message text ({@code import.column.<NAME>}), so users may reorder columns or leave optional ones out.
 */
enum ImportColumn {
    RESIDENT_ID(true), NAME(true), COMMUNITY_CODE(true), ADDRESS(false), PHONE(false), ETHNICITY(false),
    HUKOU_LOCAL(false), LIVING_ARRANGEMENT(true), SOLITARY(false), LOST_ONLY_CHILD(false), ECONOMIC_STATUS(true),
    INCOME_PER_PERSON(false), GUARDIAN_NAME(false), GUARDIAN_RELATION(false), GUARDIAN_PHONE(false),
    EMERGENCY_NAME(false), EMERGENCY_PHONE(false), NOTES(false);

    private final boolean required;

    ImportColumn(boolean required) {
        this.required = required;
    }

    boolean required() {
        return required;
    }

    String headerKey() {
        return "import.column." + name();
    }

    String explanationKey() {
        return "import.column." + name() + ".explain";
    }
}
