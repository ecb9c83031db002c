package org.yinling.subsidy;

/** Documents noted with an application. */
public enum DocumentType {
    ID_CARD, HUKOU_BOOKLET, INCOME_PROOF, ASSESSMENT_REPORT, BANK_CARD, OTHER;

    public String messageKey() {
        return "subsidy.documentType." + name();
    }
}
