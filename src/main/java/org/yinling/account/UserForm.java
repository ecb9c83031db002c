package org.yinling.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create and edit form of a user. Username and password are only read when creating.
 */
record UserForm(
        @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{user.username.pattern}")
        String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,
        @NotBlank String regionCode,
        String password,
        String passwordConfirm,
        Long version) {

    static UserForm blank() {
        return new UserForm("", "", null, "", "", "", null);
    }

    static UserForm of(AppUser user) {
        return new UserForm(user.getUsername(), user.getDisplayName(), user.getRole(), user.getRegionCode(), "", "",
                user.getVersion());
    }
}
