package org.yinling.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;

/**
 * The logged-in user: who they are, their role and the region they act in. Controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser user} and hand {@link #scope()} to the data-access layer.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Role role;
    private final String regionCode;
    private final String regionName;
    private final RegionLevel regionLevel;
    private final boolean enabled;
    private final boolean locked;
    /** An administrator set the password: every page leads to the change-password page until the user sets their own. */
    private final boolean passwordChangeRequired;
    /** The home-care provider of a provider manager or care worker; null for every other role. */
    private final Long providerId;
    /** The institution of an institution manager; null for every other role. */
    private final Long institutionId;

    CurrentUser(long id, String username, String displayName, String passwordHash, Role role, String regionCode,
                String regionName, RegionLevel regionLevel, boolean enabled, boolean locked,
                boolean passwordChangeRequired, Long providerId, Long institutionId) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.regionCode = regionCode;
        this.regionName = regionName;
        this.regionLevel = regionLevel;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordChangeRequired = passwordChangeRequired;
        if (role.belongsToProvider() != (providerId != null)) {
            throw new IllegalStateException("A provider role needs a provider, and only a provider role has one");
        }
        this.providerId = providerId;
        if ((role == Role.INSTITUTION_MANAGER) != (institutionId != null)) {
            throw new IllegalStateException("An institution manager needs an institution, and only they have one");
        }
        this.institutionId = institutionId;
    }

    public long id() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getRegionName() {
        return regionName;
    }

    public RegionLevel getRegionLevel() {
        return regionLevel;
    }

    /**
     * The records this user may see: their region's subtree; the whole system for the administrator. Provider users
     * have no region scope (they are scoped by {@link #providerId()}): asking for one fails closed.
     */
    public RegionScope scope() {
        if (role.belongsToProvider()) {
            throw new IllegalStateException("A provider's user has no region scope");
        }
        if (role == Role.INSTITUTION_MANAGER) {
            throw new IllegalStateException("An institution manager has no region scope");
        }
        return role == Role.ADMIN ? RegionScope.everything() : RegionScope.of(regionCode, regionLevel);
    }

    /** The home-care provider of a provider manager or care worker, else null. */
    public Long providerId() {
        return providerId;
    }

    /** The institution of an institution manager, else null. */
    public Long institutionId() {
        return institutionId;
    }

    /** True until the user replaces a password an administrator set for them. */
    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Whether this user sees full resident IDs, phones and bank accounts: {@link Role#seesFullPersonalData()}. */
    public boolean seesFullPersonalData() {
        return role.seesFullPersonalData();
    }

    /** A phone number as this user may see it: in full, or masked ({@link PersonalData#maskPhone}). */
    public String phone(String phone) {
        return seesFullPersonalData() ? phone : PersonalData.maskPhone(phone);
    }

    /** A bank account number as this user may see it: in full, or masked ({@link PersonalData#maskAccount}). */
    public String bankAccount(String account) {
        return seesFullPersonalData() ? account : PersonalData.maskAccount(account);
    }

    /** A document number (an ID card's number, a certificate) as this user may see it. */
    public String documentNumber(String number) {
        return seesFullPersonalData() ? number : PersonalData.maskAccount(number);
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser user && user.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", " + role + "]";
    }
}
