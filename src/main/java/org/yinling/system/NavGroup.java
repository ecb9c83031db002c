package org.yinling.system;

import java.util.List;

/**
 * Navigation entries that belong together: those whose order falls in the same hundred (100s the registry, 200s
 * subsidies, 300s institutions, 400s payments, 900s administration). A group of one shows as a plain link, a larger
 * one as a menu titled {@code nav.group.<hundred>}.
 */
public record NavGroup(String key, List<NavItem> items) {

    public boolean single() {
        return items.size() == 1;
    }

    static String keyOf(NavItem item) {
        return "nav.group." + item.order() / 100;
    }
}
