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
 * Keeps the users of some roles inside one section of the application, whatever another route's own rule says:
 * the users of a home-care provider (provider managers, care workers) belong to a provider, not to a region, and stay
 * in the home-care pages ({@link #providerUsers()}); visitors (网格员, social workers, volunteers) visit the elders bound
 * to them and stay in the visit pages ({@link #visitors()}). Besides their section they reach only what every
 * signed-in user has (home, own password, static files). Runs after the route rules; a refusal is an ordinary 403;
 * the section's stores scope them further.
 */
final class SectionConfinement extends OncePerRequestFilter {

    private final Set<String> authorities;
    private final String section;

    private SectionConfinement(Set<String> authorities, String section) {
        this.authorities = authorities;
        this.section = section;
    }

    static SectionConfinement providerUsers() {
        return new SectionConfinement(Set.of("ROLE_PROVIDER_MANAGER", "ROLE_CARE_WORKER"), "/home-care");
    }

    static SectionConfinement visitors() {
        return new SectionConfinement(Set.of("ROLE_VISITOR"), "/visits");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (confined(SecurityContextHolder.getContext().getAuthentication()) && !open(pathOf(request))) {
            throw new AccessDeniedException("outside " + section);
        }
        chain.doFilter(request, response);
    }

    private boolean confined(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(authorities::contains);
    }

    /** The pages every signed-in user has, and the section's pages. */
    boolean open(String path) {
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
