package org.yinling.system;

import java.io.IOException;
import java.util.Set;

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
 * Keeps the users of a home-care provider (provider managers, care workers) inside the home-care pages: they belong
 * to a provider, not to a region, so every region-scoped page is closed to them whatever its own rule says. Runs
 * after the route rules; a refusal is an ordinary 403.
 */
final class ProviderUserConfinement extends OncePerRequestFilter {

    static final Set<String> PROVIDER_AUTHORITIES = Set.of("ROLE_PROVIDER_MANAGER", "ROLE_CARE_WORKER");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isProviderUser(SecurityContextHolder.getContext().getAuthentication()) && !open(pathOf(request))) {
            throw new AccessDeniedException("outside the home-care pages");
        }
        chain.doFilter(request, response);
    }

    private static boolean isProviderUser(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(PROVIDER_AUTHORITIES::contains);
    }

    /** The pages every signed-in user has, and the home-care pages (whose rules and stores scope them further). */
    static boolean open(String path) {
        return path.equals("/") || path.equals("/home-care") || path.startsWith("/home-care/")
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
