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
        // required for region roles; a provider user's region is their provider's district
        String regionCode,
        Long providerId,
        String password,
        String passwordConfirm,
        Long version) {

    static UserForm blank() {
        return new UserForm("", "", null, "", null, "", "", null);
    }

    static UserForm of(AppUser user) {
        return new UserForm(user.getUsername(), user.getDisplayName(), user.getRole(), user.getRegionCode(),
                user.getProviderId(), "", "", user.getVersion());
    }
}
