package org.yinling.subsidy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registration (社区受理) of an application, and its correction after a return: the elder and policy, the payee, notes
 * and one document noted (more can be added on the detail page).
 */
record ApplicationForm(@NotNull Long elderId, @NotNull Long policyId,
                       @Size(max = 60) String payeeBank,
                       @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z -]*", message = "{application.payeeAccount.invalid}") String payeeAccount,
                       @Size(max = 1000) String notes,
                       DocumentType documentType, @Size(max = 60) String documentNumber,
                       Long lockVersion) {

    static ApplicationForm blank(Long elderId) {
        return new ApplicationForm(elderId, null, "", "", "", null, "", null);
    }

    static ApplicationForm of(ApplicationRecord application) {
        return new ApplicationForm(application.elderId(), application.policyId(), application.payeeBank(),
                application.payeeAccount(), application.notes(), null, "", application.lockVersion());
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
