package org.yinling.system;

import java.io.IOException;
import java.util.Map;

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
 * Keeps the users of some roles inside one section of the application, whatever another route's own rule says:
 * the users of a home-care provider (provider managers, care workers) belong to a provider, not to a region, and stay
 * in the home-care pages; visitors (网格员, social workers, volunteers) visit the elders bound to them and stay in the
 * visit pages. Besides their section they reach only what every signed-in user has (home, own password, static
 * files). Runs after the route rules (one filter: Spring Security keeps one filter per class and position); a
 * refusal is an ordinary 403; the section's stores scope them further.
 */
final class SectionConfinement extends OncePerRequestFilter {

    /** Each confined authority and the section (path prefix) it stays in. */
    private static final Map<String, String> SECTIONS = Map.of(
            "ROLE_PROVIDER_MANAGER", "/home-care",
            "ROLE_CARE_WORKER", "/home-care",
            "ROLE_VISITOR", "/visits");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String section = sectionOf(SecurityContextHolder.getContext().getAuthentication());
        if (section != null && !open(section, pathOf(request))) {
            throw new AccessDeniedException("outside " + section);
        }
        chain.doFilter(request, response);
    }

    /** The section the user is confined to, or null for everyone else. */
    private static String sectionOf(Authentication authentication) {
        return authentication == null ? null : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(SECTIONS::get).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The pages every signed-in user has, and the section's pages. */
    static boolean open(String section, String path) {
        return path.equals("/") || path.equals(section) || path.startsWith(section + "/")
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
