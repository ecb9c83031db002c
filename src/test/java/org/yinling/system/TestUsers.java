package org.yinling.system;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The one way a MockMvc test makes a request as a user: {@code mvc.perform(get("/elders").with(as("district")))}.
 * The user is loaded from the database through the application's own {@link UserDetailsService} when the request is
 * made, so the request carries that user's role, region scope and organisation exactly as after a real login.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** Signs the request in as {@code username} (who must exist in {@code app_user}). */
    public static RequestPostProcessor as(String username) {
        return request -> {
            WebApplicationContext context =
                    WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext());
            UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
            return SecurityMockMvcRequestPostProcessors.user(user).postProcessRequest(request);
        };
    }
}
