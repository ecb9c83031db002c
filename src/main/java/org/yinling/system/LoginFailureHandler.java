package org.yinling.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Sends the user back to the login page with the reason, so a locked or disabled account is told so. */
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (DatabaseUnavailableFilter.databaseUnreachable(exception)) {
            // not a wrong password: the user store could not be asked; DatabaseUnavailableFilter shows the 503 page
            throw new ServletException("user store unreachable", exception);
        }
        String reason = exception instanceof LockedException ? "locked"
                : exception instanceof DisabledException ? "disabled"
                : "bad";
        getRedirectStrategy().sendRedirect(request, response, "/login?error=" + reason);
    }
}
