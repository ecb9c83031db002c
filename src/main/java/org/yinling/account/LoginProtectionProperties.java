package org.yinling.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins     consecutive wrong passwords that lock an account
 * @param lockout             how long it stays locked
 * @param passwordMinLength   the shortest password the policy accepts
 */
@ConfigurationProperties("yinling.security")
public record LoginProtectionProperties(@DefaultValue("5") int maxFailedLogins,
                                        @DefaultValue("15m") Duration lockout,
                                        @DefaultValue("8") int passwordMinLength) {
}
