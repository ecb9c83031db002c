package org.yinling.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps visitors (role VISITOR: 网格员, social workers, volunteers) inside the visit pages, whatever another route's own
 * rule says: they visit the elders bound to them and see nothing else of the registry. Runs after the route rules; a
 * refusal is an ordinary 403. The visit module's stores narrow a visitor further to their bound elders.
 */
final class VisitorConfinement extends OncePerRequestFilter {

    static final String VISITOR_AUTHORITY = "ROLE_VISITOR";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isVisitor(SecurityContextHolder.getContext().getAuthentication()) && !open(pathOf(request))) {
            throw new AccessDeniedException("outside the visit pages");
        }
        chain.doFilter(request, response);
    }

    private static boolean isVisitor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(VISITOR_AUTHORITY::equals);
    }

    /** The pages every signed-in user has, and the visit pages (whose rules and stores scope them further). */
    static boolean open(String path) {
        return path.equals("/") || path.equals("/visits") || path.startsWith("/visits/")
                || path.equals("/account/password") || path.equals("/logout") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.substring(context == null ? 0 : context.length());
    }
}
