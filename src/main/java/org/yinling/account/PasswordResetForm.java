package org.yinling.account;

import jakarta.validation.constraints.NotBlank;

record PasswordResetForm(@NotBlank String password, @NotBlank String passwordConfirm) {

    static PasswordResetForm blank() {
        return new PasswordResetForm("", "");
    }
}
