package org.yinling.account;

import jakarta.validation.constraints.NotBlank;

/** A user replaces their own password: the one they have, and the new one twice. */
record PasswordChangeForm(@NotBlank String currentPassword, @NotBlank String password, @NotBlank String passwordConfirm) {

    static PasswordChangeForm blank() {
        return new PasswordChangeForm("", "", "");
    }
}
