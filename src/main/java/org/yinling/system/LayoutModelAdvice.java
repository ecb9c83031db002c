package org.yinling.system;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what the layout shows on every page: the navigation the user's role may use, and the demo banner. */
@ControllerAdvice
class LayoutModelAdvice {

    private final List<NavItem> navItems;
    private final DemoMode demoMode;

    LayoutModelAdvice(List<NavItem> navItems, DemoMode demoMode) {
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

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.enabled();
    }
}
