package org.yinling.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "region_code")
    private String regionCode;

    private boolean enabled = true;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    private boolean demo;

    /** Set when an administrator set the password (a new account, a reset): its holder must choose their own. */
    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    /** The home-care provider of a provider manager or care worker. */
    @Column(name = "provider_id")
    private Long providerId;

    /** The institution of an institution manager. */
    @Column(name = "institution_id")
    private Long institutionId;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected AppUser() {
    }

    Long getProviderId() {
        return providerId;
    }

    Long getInstitutionId() {
        return institutionId;
    }

    /** Sets the institution of an institution manager (else null). */
    void manage(Long institutionId) {
        this.institutionId = institutionId;
    }

    /** A new account with a password the administrator chose: its holder changes it at the first login. */
    AppUser(String username, String displayName, String passwordHash, Role role, String regionCode) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.regionCode = regionCode;
        this.passwordChangeRequired = true;
    }

    void assign(String displayName, Role role, String regionCode) {
        assign(displayName, role, regionCode, null);
    }

    /** As {@link #assign(String, Role, String)}, with the provider of a provider manager or care worker (else null). */
    void assign(String displayName, Role role, String regionCode, Long providerId) {
        this.displayName = displayName;
        this.role = role;
        this.regionCode = regionCode;
        this.providerId = providerId;
        touch();
    }

    /** Sets the provider of a new provider manager or care worker. */
    void belongTo(Long providerId) {
        this.providerId = providerId;
    }

    /** The administrator sets a new password: the holder must replace it at their next login. */
    void resetPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = true;
        unlock();
    }

    /** The holder, having just given their current password, chose their own (a successful login: no failures). */
    void changeOwnPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
        unlock();
    }

    void enable() {
        this.enabled = true;
        touch();
    }

    void disable() {
        this.enabled = false;
        touch();
    }

    void unlock() {
        this.failedLogins = 0;
        this.lockedUntil = null;
        touch();
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    String getRegionCode() {
        return regionCode;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    boolean isDemo() {
        return demo;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
