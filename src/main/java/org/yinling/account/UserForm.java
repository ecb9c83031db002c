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
        Long version,
        // required for an institution manager (issue 23), whose region is the institution's district; ignored else
        Long institutionId) {

    static UserForm blank() {
        return new UserForm("", "", null, "", null, "", "", null, null);
    }

    static UserForm of(AppUser user) {
        return new UserForm(user.getUsername(), user.getDisplayName(), user.getRole(), user.getRegionCode(),
                user.getProviderId(), "", "", user.getVersion(), user.getInstitutionId());
    }

    /** The institution to save: the chosen one for an institution manager, none for every other role. */
    Long managedInstitution() {
        return role == Role.INSTITUTION_MANAGER ? institutionId : null;
    }
}
