package org.yinling.system;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what every page may show: the navigation the user's role may use, the demo banner, today's date. */
@ControllerAdvice
class LayoutModelAdvice {

    private final List<NavItem> navItems;
    private final DemoMode demoMode;
    private final Clock clock;

    private final List<PendingWork> pendingWork;

    LayoutModelAdvice(List<NavItem> navItems, DemoMode demoMode, Clock clock, List<PendingWork> pendingWork) {
        this.pendingWork = pendingWork;
        this.clock = clock;
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.demoMode = demoMode;
    }

    @ModelAttribute("navItems")
    List<NavItem> navItems() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return navItems.stream().filter(item -> item.visibleTo(authorities)).toList();
    }

    /** The same entries in their groups, in order. */
    @ModelAttribute("navGroups")
    List<NavGroup> navGroups(@ModelAttribute("navItems") List<NavItem> visible) {
        Map<String, List<NavItem>> groups = new LinkedHashMap<>();
        for (NavItem item : visible) {
            groups.computeIfAbsent(NavGroup.keyOf(item), key -> new ArrayList<>()).add(item);
        }
        return groups.entrySet().stream().map(group -> new NavGroup(group.getKey(), List.copyOf(group.getValue())))
                .toList();
    }

    /**
     * What waits for the user, for the home page and the menu's badges: counted for whole pages only (a GET that is
     * not an htmx fragment), so that a form post or a polled fragment costs no queries; and kept in the session for
     * {@link #PENDING_LIFETIME}, so that moving from page to page does not count again (a district's counts run over
     * the whole district: about a second at city scale). Anything the user posts (a decision, an approval, an
     * import) drops the kept counts, so the next page counts afresh.
     */
    @ModelAttribute("pendingWork")
    List<PendingWork.Item> pendingWork(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // the API's JSON has no menu: an agency's call must not count anyone's pending work
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return List.of();
        }
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (!"GET".equals(request.getMethod())) {
            if (session != null) {
                session.removeAttribute(PENDING_ATTRIBUTE);
            }
            return List.of();
        }
        if (request.getHeader("HX-Request") != null) {
            return List.of();
        }
        java.time.Instant now = clock.instant();
        if (session != null && session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingCounts kept
                && kept.countedAt().plus(PENDING_LIFETIME).isAfter(now)) {
            return kept.items();
        }
        List<PendingWork.Item> items = new ArrayList<>();
        for (PendingWork work : pendingWork) {
            work.pendingFor(authentication).stream().filter(item -> item.count() > 0).forEach(items::add);
        }
        if (session != null) {
            session.setAttribute(PENDING_ATTRIBUTE, new PendingCounts(now, List.copyOf(items)));
        }
        return items;
    }

    static final String PENDING_ATTRIBUTE = "yinling.pendingWork";
    static final java.time.Duration PENDING_LIFETIME = java.time.Duration.ofMinutes(1);

    /** The counts kept in the session, and when they were counted. */
    record PendingCounts(java.time.Instant countedAt, List<PendingWork.Item> items) implements java.io.Serializable {
    }

    /** The waiting counts per navigation path (summed), for the badges beside the menu's entries. */
    @ModelAttribute("pendingByPath")
    Map<String, Long> pendingByPath(@ModelAttribute("pendingWork") List<PendingWork.Item> items) {
        Map<String, Long> byPath = new LinkedHashMap<>();
        items.forEach(item -> byPath.merge(item.navPath(), item.count(), Long::sum));
        return byPath;
    }

    /** Whether someone is logged in: a plain flag, cheaper than evaluating a security expression on every page. */
    @ModelAttribute("signedIn")
    boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Today in the bureau's zone, for date fields and "valid on" marks (never the host's or the browser's day). */
    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.enabled();
    }
}
