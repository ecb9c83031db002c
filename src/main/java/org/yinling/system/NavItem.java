package org.yinling.system;

import java.util.Collection;
import java.util.Set;

/**
 * An entry of the navigation bar and a card on the home page, contributed by a feature module as a bean.
 *
 * @param key    message key of the title; {@code key + ".desc"} is the card's description
 * @param path   where it leads
 * @param order  position, lower first
 * @param roles  role names (without {@code ROLE_}) that may use it
 */
public record NavItem(String key, String path, int order, Set<String> roles) {

    public boolean visibleTo(Collection<String> authorities) {
        return roles.stream().anyMatch(role -> authorities.contains("ROLE_" + role));
    }

    public String descriptionKey() {
        return key + ".desc";
    }
}
