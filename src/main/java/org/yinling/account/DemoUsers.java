package org.yinling.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a demo account (password {@value DemoAccounts#PASSWORD}) when it is missing; an account an administrator
 * changed is left as it is. The modules whose demo data brings its own users (a home-care provider's manager and
 * care worker) add them through this.
 */
@Component
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
public class DemoUsers {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    DemoUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** @return 1 when the account was added, 0 when it existed */
    @Transactional(propagation = Propagation.MANDATORY)
    public int add(String username, String displayName, Role role, String regionCode, Long providerId) {
        boolean exists = jdbc.sql("SELECT count(*) > 0 FROM app_user WHERE lower(username) = :u")
                .param("u", username).query(Boolean.class).single();
        if (exists) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code, provider_id, demo)
                        VALUES (:username, :displayName, :hash, :role, :region, :provider, TRUE)
                        ON CONFLICT DO NOTHING
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("hash", passwordEncoder.encode(DemoAccounts.PASSWORD))
                .param("role", role.name())
                .param("region", regionCode)
                .param("provider", providerId)
                .update();
    }

    /**
     * Adds the demo account of an institution's manager, bound to the institution; the account's region is the
     * district that supervises it. @return 1 when the account was added, 0 when it existed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int addInstitutionManager(String username, String displayName, String districtCode, long institutionId) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id, demo)
                        SELECT :username, :displayName, :hash, 'INSTITUTION_MANAGER', :region, :institution, TRUE
                        WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = :username)
                        ON CONFLICT DO NOTHING
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("hash", passwordEncoder.encode(DemoAccounts.PASSWORD))
                .param("region", districtCode)
                .param("institution", institutionId)
                .update();
    }
}
