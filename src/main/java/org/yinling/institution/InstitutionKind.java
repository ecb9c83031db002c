package org.yinling.institution;

/** Kinds of care institution in the seeds: 公办养老院/社会福利院, 农村敬老院, 农村幸福院, 社区日间照料中心, 民办养老机构, 嵌入式微型养老机构, 医养结合体. */
public enum InstitutionKind {
    PUBLIC_HOME, RURAL_HOME, RURAL_HAPPINESS_HOME, DAY_CARE_CENTRE, PRIVATE_HOME, EMBEDDED_MICRO, MEDICAL_CARE_COMBINED;

    public String messageKey() {
        return "institution.kind." + name();
    }
}
