package org.yinling.elder;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;

/** The {@link ElderCard}s other modules contribute, in their order. */
@Component
class ElderCards {

    private final List<ElderCard> cards;

    ElderCards(List<ElderCard> cards) {
        this.cards = cards.stream().sorted(Comparator.comparingInt(ElderCard::order)).toList();
    }

    /** The cards the user's role may see. */
    List<ElderCard> visibleTo(CurrentUser user) {
        Set<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return cards.stream().filter(card -> card.visibleTo(authorities)).toList();
    }
}
