package org.yinling.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends a user whose password an administrator set (a new account, a reset) to the change-password page, whatever
 * they ask for, until they have chosen their own: nothing else is shown or done with a password someone else knows.
 */
class PasswordChangeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.isPasswordChangeRequired()) {
            response.sendRedirect(request.getContextPath() + PasswordChangeController.PATH);
            return false;
        }
        return true;
    }
}
