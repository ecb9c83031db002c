package org.yinling.account;

import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/**
 * The lockout: at most {@code yinling.security.max-failed-logins} wrong passwords are ever checked for an account
 * per lock period, however many attempts arrive at once. Every password check first reserves an attempt with one
 * {@code UPDATE … RETURNING} ({@link #reserve}); PostgreSQL applies concurrent updates of the row one after the
 * other, so the n-th reservation is numbered n, the one that reaches the maximum locks the account, and no
 * reservation is granted while it is locked. A right password clears the count ({@link #succeeded}), so only wrong
 * ones add up. {@link LockoutAuthenticationProvider} makes the reservation before it compares the password. Every
 * login, failed login and logout is audited.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LoginProtectionProperties properties;

    LoginAttempts(JdbcClient jdbc, AuditLog audit, LoginProtectionProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * Reserves one password check for the account: counts it as failed until {@link #succeeded} says otherwise, and
     * locks the account when this is the last check allowed (a right password then unlocks it again). Returns the
     * number of the attempt (1 … max), or nothing when the account is locked: its password must not be checked.
     * An expired lock starts the count afresh.
     */
    @Transactional
    public OptionalInt reserve(String username) {
        return jdbc.sql("""
                        UPDATE app_user
                        SET failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
                            locked_until = CASE WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= :max
                                                THEN now() + make_interval(secs => :lockSeconds) END
                        WHERE lower(username) = lower(:u) AND (locked_until IS NULL OR locked_until <= now())
                        RETURNING failed_logins
                        """)
                .param("u", username)
                .param("max", properties.maxFailedLogins())
                .param("lockSeconds", properties.lockout().toSeconds())
                .query(Integer.class).optional()
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The password of a reserved attempt was wrong; the last allowed one has locked the account. */
    @Transactional
    public void wrongPassword(String username, int attempt) {
        if (attempt >= properties.maxFailedLogins()) {
            audit.recordAs(username, "ACCOUNT_LOCKED", "app_user", username,
                    Map.of("minutes", properties.lockout().toMinutes()));
            log.info("An account was locked after {} failed logins", properties.maxFailedLogins());
        }
    }

    /** The password was right: the count starts afresh, and a lock the attempt took on reserving is lifted. */
    @Transactional
    public void succeeded(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE lower(username) = lower(:u)")
                .param("u", username).update();
    }

    @EventListener
    @Transactional
    public void loggedIn(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, "LOGIN", "app_user", username, null);
    }

    /**
     * Audits a refused login with its reason: {@code BadCredentialsException} for a wrong password (or an unknown
     * user), {@code LockedException} for a locked account, whose password was not checked.
     */
    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getClass().getSimpleName();
        audit.recordAs(username, "LOGIN_FAILED", "app_user", username, Map.of("reason", reason));
    }

    @EventListener
    @Transactional
    public void loggedOut(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "LOGOUT", "app_user", event.getAuthentication().getName(), null);
    }
}
