package org.yinling.elder;

import java.util.Collection;
import java.util.Set;

/**
 * A card on an elder's page contributed by another module as a bean (the elder module knows nothing of subsidies,
 * payments, stays or meals): the page shows the card's title and loads its body with htmx from the contributing
 * module's own page for the elder, which checks the user's region itself. The elder page's view is audited as before.
 *
 * @param id         the card's element id
 * @param titleKey   message key of the title
 * @param path       the path of the body, with {@code {id}} for the elder's id
 * @param order      position in the column, lower first
 * @param roles      role names (without {@code ROLE_}) that see the card
 * @param body       how the loaded body takes its place
 */
public record ElderCard(String id, String titleKey, String path, int order, Set<String> roles, Body body) {

    /** How the loaded body takes its place in the card. */
    public enum Body {
        /** The loaded fragment is a whole card body and replaces the placeholder. */
        REPLACES,
        /** The loaded fragment goes inside a card body without padding (a table or a list). */
        FILLS
    }

    public ElderCard {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Collection<String> authorities) {
        return roles.stream().anyMatch(role -> authorities.contains("ROLE_" + role));
    }

    public boolean replaces() {
        return body == Body.REPLACES;
    }
}
