package org.yinling.account;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/**
 * Counts consecutive wrong passwords and locks the account for a while after too many; audits every login.
 * The counter is changed by single UPDATE statements, so concurrent attempts cannot lose a count.
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

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE lower(username) = lower(:u)")
                .param("u", username).update();
        audit.recordAs(username, "LOGIN", "app_user", username, null);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getClass().getSimpleName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            Boolean locked = jdbc.sql("""
                            UPDATE app_user
                            SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= now()
                                                     THEN 1 ELSE failed_logins + 1 END,
                                locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now()
                                                               THEN 1 ELSE failed_logins + 1 END) >= :max
                                                    THEN now() + make_interval(secs => :lockSeconds)
                                                    WHEN locked_until <= now() THEN NULL
                                                    ELSE locked_until END
                            WHERE lower(username) = lower(:u)
                            RETURNING locked_until IS NOT NULL AND locked_until > now()
                            """)
                    .param("u", username)
                    .param("max", properties.maxFailedLogins())
                    .param("lockSeconds", properties.lockout().toSeconds())
                    .query(Boolean.class).optional().orElse(false);
            if (locked) {
                audit.recordAs(username, "ACCOUNT_LOCKED", "app_user", username,
                        Map.of("minutes", properties.lockout().toMinutes()));
                log.info("An account was locked after {} failed logins", properties.maxFailedLogins());
            }
        }
        audit.recordAs(username, "LOGIN_FAILED", "app_user", username, Map.of("reason", reason));
    }

    @EventListener
    @Transactional
    public void loggedOut(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "LOGOUT", "app_user", event.getAuthentication().getName(), null);
    }
}
