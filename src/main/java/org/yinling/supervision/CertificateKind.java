package org.yinling.supervision;

/**
 * The certificates and insurance an institution keeps on file (seed 002: 全面实施养老服务机构综合保险). The medical
 * licence is required only of an institution that runs its own clinic or is a medical institution.
 */
public enum CertificateKind {
    FIRE_SAFETY, FOOD_LICENCE, MEDICAL_LICENCE, LIABILITY_INSURANCE;

    /** Whether a certificate of this kind has an expiry date (a fire-safety acceptance need not). */
    public boolean expires() {
        return this != FIRE_SAFETY;
    }

    public String messageKey() {
        return "supervision.certificate.kind." + name();
    }
}
