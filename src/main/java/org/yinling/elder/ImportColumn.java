package org.yinling.elder;

/**
 * The columns of the elder import template, in template order. A header matches a column by its Chinese or English
 * message text ({@code import.column.<NAME>}), so users may reorder columns or leave optional ones out. The community
 * is given by name ({@link #COMMUNITY}) or code ({@link #COMMUNITY_CODE}): a file needs at least one of the two.
 */
enum ImportColumn {
    RESIDENT_ID(true), NAME(true), COMMUNITY(false), COMMUNITY_CODE(false), ADDRESS(false), PHONE(false),
    ETHNICITY(false), HUKOU_LOCAL(false), LIVING_ARRANGEMENT(true), SOLITARY(false), LOST_ONLY_CHILD(false),
    ECONOMIC_STATUS(true), INCOME_PER_PERSON(false), DISABILITY_CATEGORY(false), DISABILITY_LEVEL(false),
    LEFT_BEHIND(false), ONLY_CHILD_DISABLED(false), SPECIAL_CARE_RECIPIENT(false), SERIOUS_ILLNESS(false),
    GUARDIAN_NAME(false), GUARDIAN_RELATION(false), GUARDIAN_PHONE(false), EMERGENCY_NAME(false),
    EMERGENCY_PHONE(false), NOTES(false);

    private final boolean required;

    ImportColumn(boolean required) {
        this.required = required;
    }

    boolean required() {
        return required;
    }

    /** Whether the template marks the column as one to fill in: the required ones, and the community's name. */
    boolean requiredInTemplate() {
        return required || this == COMMUNITY;
    }

    String headerKey() {
        return "import.column." + name();
    }

    String explanationKey() {
        return "import.column." + name() + ".explain";
    }
}
