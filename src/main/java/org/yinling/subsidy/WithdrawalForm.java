package org.yinling.subsidy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The community's withdrawal of an application: an optional note and the version seen. Its own form, not the
 * reviewer's {@link DecisionForm}: the endpoint only withdraws, whatever {@code action} a request names, and the note
 * is validated (over 500 characters it failed in the database with a 500).
 */
record WithdrawalForm(@Size(max = 500) String note, @NotNull Long lockVersion) {

    String trimmedNote() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
