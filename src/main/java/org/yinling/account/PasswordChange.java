package org.yinling.account;

import java.util.Map;
import java.util.OptionalInt;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.audit.AuditLog;

/**
 * A user sets their own password: after an administrator set one (required at the next login), or whenever they
 * like. The current password is checked like a login, under the same lockout, so a session left open cannot be used
 * to guess it; the new one must satisfy the {@link PasswordPolicy} and differ from the current one. The user's other
 * sessions end.
 */
@Service
class PasswordChange {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final SessionRegistry sessions;

    PasswordChange(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                   LoginAttempts attempts, AuditLog audit, SessionRegistry sessions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.attempts = attempts;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** Changes the password, or records why not in {@code errors}; {@code sessionId} is the session that stays. */
    @Transactional
    boolean change(String username, PasswordChangeForm form, Errors errors, String sessionId) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new IllegalStateException("No such user"));
        if (errors.hasErrors()) {
            return false;
        }
        OptionalInt attempt = attempts.reserve(user.getUsername());
        if (attempt.isEmpty()) {
            errors.rejectValue("currentPassword", "password.change.locked");
            return false;
        }
        if (!passwordEncoder.matches(form.currentPassword(), user.getPasswordHash())) {
            attempts.wrongPassword(user.getUsername(), attempt.getAsInt());
            errors.rejectValue("currentPassword", "password.change.wrongCurrent");
            return false;
        }
        attempts.succeeded(user.getUsername());
        passwordPolicy.violation(form.password(), user.getUsername())
                .ifPresent(key -> errors.rejectValue("password", key, new Object[] {passwordPolicy.minLength()}, null));
        if (!errors.hasFieldErrors("password")) {
            if (form.password().equals(form.currentPassword())) {
                errors.rejectValue("password", "password.change.same");
            }
            else if (!form.password().equals(form.passwordConfirm())) {
                errors.rejectValue("passwordConfirm", "password.confirm.mismatch");
            }
        }
        if (errors.hasErrors()) {
            return false;
        }
        user.changeOwnPassword(passwordEncoder.encode(form.password()));
        users.saveAndFlush(user);
        audit.record("PASSWORD_CHANGED", "app_user", user.getId(), Map.of("username", user.getUsername()));
        for (SessionInformation session : sessions.getAllSessions(user.getUsername(), false)) {
            if (!session.getSessionId().equals(sessionId)) {
                session.expireNow();
            }
        }
        return true;
    }
}
