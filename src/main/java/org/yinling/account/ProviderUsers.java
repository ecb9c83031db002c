package org.yinling.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The users of a home-care provider, for the provider's page (the account module owns {@code app_user}). */
@Component
public class ProviderUsers {

    private final JdbcClient jdbc;

    ProviderUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A provider's user as its page shows it. */
    public record ProviderUser(String username, String displayName, boolean enabled) {
    }

    /** The care workers of a provider, by name. */
    public List<ProviderUser> workersOf(long providerId) {
        return jdbc.sql("""
                        SELECT username, display_name, enabled FROM app_user
                        WHERE provider_id = :provider AND role = 'CARE_WORKER' ORDER BY display_name, username
                        """)
                .param("provider", providerId)
                .query((rs, row) -> new ProviderUser(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }
}
