package org.yinling.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, letters and digits, not the username, at most 72 bytes (bcrypt's limit,
 * past which characters would be silently ignored). Returns the message key of the first rule broken.
 */
@Component
class PasswordPolicy {

    private final LoginProtectionProperties properties;

    PasswordPolicy(LoginProtectionProperties properties) {
        this.properties = properties;
    }

    Optional<String> violation(String password, String username) {
        if (password == null || password.length() < properties.passwordMinLength()) {
            return Optional.of("password.policy.length");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("password.policy.tooLong");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("password.policy.mix");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase().contains(username.trim().toLowerCase())) {
            return Optional.of("password.policy.username");
        }
        return Optional.empty();
    }

    int minLength() {
        return properties.passwordMinLength();
    }
}
