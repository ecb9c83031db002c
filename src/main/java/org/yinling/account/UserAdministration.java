package org.yinling.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.LikePatterns;

/** User management by the administrator: every change checked against the rules and audited with before/after. */
@Service
class UserAdministration {

    private final AppUserRepository users;
    private final Regions regions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;
    private final SessionRegistry sessions;
    private final ObjectProvider<ProviderDirectory> providers;
    private final ObjectProvider<InstitutionDirectory> institutions;

    UserAdministration(AppUserRepository users, Regions regions, PasswordEncoder passwordEncoder,
                       PasswordPolicy passwordPolicy, AuditLog audit, SessionRegistry sessions,
                       ObjectProvider<ProviderDirectory> providers, ObjectProvider<InstitutionDirectory> institutions) {
        this.providers = providers;
        this.institutions = institutions;
        this.sessions = sessions;
        this.users = users;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
    }

    /** Users whose name or username contains the text, optionally of one role. */
    @Transactional(readOnly = true)
    Page<AppUser> search(String text, Role role, Pageable pageable) {
        // % and _ typed into the search are characters to find, not wildcards
        return users.search(LikePatterns.escape(text), role, pageable);
    }

    @Transactional(readOnly = true)
    AppUser get(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    @Transactional
    Optional<Long> create(UserForm form, Errors errors) {
        String username = form.username() == null ? "" : form.username().trim();
        if (!errors.hasFieldErrors("username") && users.existsByUsername(username)) {
            errors.rejectValue("username", "user.username.taken");
        }
        checkRoleAndRegion(form, errors);
        checkNewPassword(form.password(), form.passwordConfirm(), username, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        AppUser created = new AppUser(username, form.displayName().trim(), passwordEncoder.encode(form.password()),
                form.role(), regionOf(form));
        created.belongTo(form.role().belongsToProvider() ? form.providerId() : null);
        created.manage(form.managedInstitution());
        AppUser user = users.save(created);
        audit.record("USER_CREATED", "app_user", user.getId(), Map.of("after", snapshot(user)));
        return Optional.of(user.getId());
    }

    @Transactional
    boolean update(long id, UserForm form, Errors errors, String actingUsername) {
        AppUser user = get(id);
        if (!Objects.equals(form.version(), user.getVersion())) {
            errors.reject("form.concurrentEdit");
            return false;
        }
        // an administrator who demoted themselves could leave the system with nobody to manage it
        if (user.getUsername().equalsIgnoreCase(actingUsername) && form.role() != user.getRole()) {
            errors.rejectValue("role", "user.role.ownRole");
        }
        checkRoleAndRegion(form, errors);
        if (errors.hasErrors()) {
            return false;
        }
        Map<String, Object> before = snapshot(user);
        user.assign(form.displayName().trim(), form.role(), regionOf(form),
                form.role().belongsToProvider() ? form.providerId() : null);
        // the institution only for an institution manager: a role changed away from it clears the institution
        user.manage(form.managedInstitution());
        // A concurrent commit between the check above and ours fails at flush; the global handler reports it.
        users.saveAndFlush(user);
        audit.record("USER_UPDATED", "app_user", id, Map.of("before", before, "after", snapshot(user)));
        if (!before.get("role").equals(user.getRole().name()) || !before.get("regionCode").equals(user.getRegionCode())
                || !Objects.equals(before.get("providerId"), user.getProviderId())
                || !Objects.equals(before.get("institutionId"), user.getInstitutionId())) {
            endSessions(user.getUsername());
        }
        return true;
    }

    @Transactional
    boolean resetPassword(long id, PasswordResetForm form, Errors errors) {
        AppUser user = get(id);
        checkNewPassword(form.password(), form.passwordConfirm(), user.getUsername(), errors);
        if (errors.hasErrors()) {
            return false;
        }
        user.resetPassword(passwordEncoder.encode(form.password()));
        users.save(user);
        audit.record("USER_PASSWORD_RESET", "app_user", id, Map.of("username", user.getUsername()));
        endSessions(user.getUsername());
        return true;
    }

    /** Enables or disables a user; an administrator cannot disable their own account. Returns false if refused. */
    @Transactional
    boolean setEnabled(long id, boolean enabled, String actingUsername) {
        AppUser user = get(id);
        if (!enabled && user.getUsername().equalsIgnoreCase(actingUsername)) {
            return false;
        }
        if (enabled) {
            user.enable();
        }
        else {
            user.disable();
            endSessions(user.getUsername());
        }
        users.save(user);
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "app_user", id, Map.of("username", user.getUsername()));
        return true;
    }

    @Transactional
    void unlock(long id) {
        AppUser user = get(id);
        user.unlock();
        users.save(user);
        audit.record("USER_UNLOCKED", "app_user", id, Map.of("username", user.getUsername()));
    }

    /** Logs the user out everywhere: their next request goes to the login page. */
    private void endSessions(String username) {
        // sessions are indexed by the user name they logged in with, on every node (Spring Session JDBC)
        sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
    }

    /**
     * The region a user gets: a provider manager's or care worker's is their provider's district, whatever the form
     * says; other roles take the form's.
     */
    private String regionOf(UserForm form) {
        if (form.role() == Role.INSTITUTION_MANAGER && form.institutionId() != null) {
            return institutions.getObject().districtOf(form.institutionId()).orElse(form.regionCode());
        }
        if (form.role() != null && form.role().belongsToProvider() && form.providerId() != null) {
            return providers.getObject().districtOf(form.providerId()).orElse(form.regionCode());
        }
        return form.regionCode();
    }

    private void checkRoleAndRegion(UserForm form, Errors errors) {
        if (form.role() == Role.INSTITUTION_MANAGER) {
            // the institution decides the region (its district), as a provider does for its users
            InstitutionDirectory directory = institutions.getIfAvailable();
            if (form.institutionId() == null) {
                errors.rejectValue("institutionId", "user.institution.required");
            }
            else if (directory == null || directory.districtOf(form.institutionId()).isEmpty()) {
                errors.rejectValue("institutionId", "user.institution.unknown");
            }
            if (form.providerId() != null) {
                errors.rejectValue("providerId", "user.provider.notAllowed");
            }
            return;
        }
        if (form.role() != null && form.role().belongsToProvider()) {
            ProviderDirectory directory = providers.getIfAvailable();
            if (form.providerId() == null) {
                errors.rejectValue("providerId", "user.provider.required");
            }
            else if (directory == null || directory.districtOf(form.providerId()).isEmpty()) {
                errors.rejectValue("providerId", "user.provider.unknown");
            }
            return;
        }
        if (form.providerId() != null) {
            errors.rejectValue("providerId", "user.provider.notAllowed");
        }
        if (!errors.hasFieldErrors("regionCode") && (form.regionCode() == null || form.regionCode().isBlank())) {
            errors.rejectValue("regionCode", "NotBlank");
            return;
        }
        if (errors.hasFieldErrors("regionCode") || form.regionCode() == null) {
            return;
        }
        Optional<RegionView> region = regions.find(form.regionCode());
        if (region.isEmpty()) {
            errors.rejectValue("regionCode", "user.region.unknown");
        }
        else if (form.role() != null && !form.role().allowsRegionLevel(region.get().level())) {
            errors.rejectValue("regionCode", "user.region.level." + form.role().name());
        }
    }

    private void checkNewPassword(String password, String confirm, String username, Errors errors) {
        passwordPolicy.violation(password, username)
                .ifPresentOrElse(key -> errors.rejectValue("password", key, new Object[] {passwordPolicy.minLength()}, null),
                        () -> {
                            if (!password.equals(confirm)) {
                                errors.rejectValue("passwordConfirm", "password.confirm.mismatch");
                            }
                        });
    }

    private static Map<String, Object> snapshot(AppUser user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", user.getUsername());
        values.put("displayName", user.getDisplayName());
        values.put("role", user.getRole().name());
        values.put("regionCode", user.getRegionCode());
        values.put("providerId", user.getProviderId());
        values.put("institutionId", user.getInstitutionId());
        values.put("enabled", user.isEnabled());
        return values;
    }
}
