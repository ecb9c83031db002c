package org.yinling.system;

import java.io.IOException;
import java.util.List;
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
 * visit pages; an institution's manager (issue 23) stays in the supervision pages and the institution pages (of
 * those, the route rules open only the page of one institution, and the stores find only their own institution:
 * another one is not found). Besides their sections they reach only what every signed-in user has (home, own password,
 * static files). Runs after the route rules (one filter: Spring Security keeps one filter per class and position); a
 * refusal is an ordinary 403; the sections' stores scope them further.
 */
final class SectionConfinement extends OncePerRequestFilter {

    /** Each confined authority and the sections (path prefixes) it stays in. */
    private static final Map<String, List<String>> SECTIONS = Map.of(
            "ROLE_PROVIDER_MANAGER", List.of("/home-care"),
            "ROLE_CARE_WORKER", List.of("/home-care"),
            "ROLE_VISITOR", List.of("/visits"),
            "ROLE_INSTITUTION_MANAGER", List.of("/supervision", "/institutions"));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> sections = sectionsOf(SecurityContextHolder.getContext().getAuthentication());
        if (sections != null && !open(sections, pathOf(request))) {
            throw new AccessDeniedException("outside " + sections);
        }
        chain.doFilter(request, response);
    }

    /** The sections the user is confined to, or null for everyone else. */
    private static List<String> sectionsOf(Authentication authentication) {
        return authentication == null ? null : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(SECTIONS::get).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The pages every signed-in user has, and the sections' pages. */
    static boolean open(List<String> sections, String path) {
        return sections.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"))
                || path.equals("/") || path.equals("/account/password") || path.equals("/logout") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.substring(context == null ? 0 : context.length());
    }
}
