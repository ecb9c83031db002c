package org.yinling.subsidy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's decision: the action, a note (the reason, required to reject or return) and the version seen. */
record DecisionForm(@NotNull DecisionAction action, @Size(max = 500) String note, @NotNull Long lockVersion,
                    @Size(max = 60) String payeeBank,
                    @Size(max = 40) @jakarta.validation.constraints.Pattern(regexp = "[0-9A-Za-z -]*",
                            message = "{application.payeeAccount.invalid}") String payeeAccount) {

    static DecisionForm blank(long lockVersion) {
        return new DecisionForm(null, "", lockVersion, null, null);
    }

    /** A payee the reviewer entered with the decision (both bank and account), or null. */
    boolean hasPayee() {
        return ApplicationForm.clean(payeeBank) != null && ApplicationForm.clean(payeeAccount) != null;
    }

    String trimmedNote() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
