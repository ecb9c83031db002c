package org.yinling.supervision;

/** Where a required certificate stands today: missing, expired, expiring within the warning period, or valid. */
public enum CertificateState {
    MISSING, EXPIRED, EXPIRING, VALID;

    public String badgeClass() {
        return switch (this) {
            case MISSING, EXPIRED -> "text-bg-danger";
            case EXPIRING -> "text-bg-warning";
            case VALID -> "text-bg-success";
        };
    }

    public String messageKey() {
        return "supervision.certificate.state." + name();
    }
}
