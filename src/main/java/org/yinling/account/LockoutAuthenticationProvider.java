package org.yinling.account;

import java.util.OptionalInt;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password login with the lockout counted before the password is compared. Reading the lock when the
 * user is loaded and counting the failure after the comparison let 40–100 parallel guesses all be checked before the
 * lock landed (penetration test, finding M1); here each comparison first reserves an attempt in the database
 * ({@link LoginAttempts#reserve}), and an attempt that gets no reservation is refused as locked without its password
 * being looked at. Being the one {@code AuthenticationProvider} bean, it is the provider of the login form.
 */
@Component
class LockoutAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginAttempts attempts;

    LockoutAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder passwordEncoder, LoginAttempts attempts) {
        super(users);
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        OptionalInt attempt = attempts.reserve(user.getUsername());
        if (attempt.isEmpty()) {
            throw new LockedException(messages.getMessage("AbstractUserDetailsAuthenticationProvider.locked",
                    "User account is locked"));
        }
        try {
            super.additionalAuthenticationChecks(user, authentication);
        }
        catch (BadCredentialsException wrong) {
            attempts.wrongPassword(user.getUsername(), attempt.getAsInt());
            throw wrong;
        }
        attempts.succeeded(user.getUsername());
    }
}
