package org.yinling.subsidy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's decision: the action, a note (the reason, required to reject or return) and the version seen. */
record DecisionForm(@NotNull DecisionAction action, @Size(max = 500) String note, @NotNull Long lockVersion) {

    static DecisionForm blank(long lockVersion) {
        return new DecisionForm(null, "", lockVersion);
    }

    String trimmedNote() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
