package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * {@code /visits/due}: who is overdue and who is due this week. A visitor sees their elders; a community clerk the
 * community's, narrowed to a visitor; a street or district the overdue counts by community and, for a chosen
 * community, its list.
 */
@Controller
@RequestMapping("/visits/due")
class DueController {

    static final String VIEW = "visits/due";
    static final int LIMIT = 300;

    private final DueLists lists;
    private final Visitors visitors;
    private final Regions regions;
    private final Clock clock;

    DueController(DueLists lists, Visitors visitors, Regions regions, Clock clock) {
        this.lists = lists;
        this.visitors = visitors;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String due(@RequestParam(required = false) String community, @RequestParam(required = false) String visitor,
               @AuthenticationPrincipal CurrentUser user, Model model) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime until = DueStore.endOfWeek(LocalDate.now(clock), clock.getZone());
        boolean communityUser = user.getRegionLevel() == RegionLevel.COMMUNITY;
        String chosen = communityUser ? user.getRegionCode() : null;
        List<RegionView> communities = communityUser ? List.of()
                : regions.within(user.scope(), RegionLevel.COMMUNITY);
        if (!communityUser && community != null
                && communities.stream().anyMatch(region -> region.code().equals(community))) {
            chosen = community;
        }
        Long visitorId = null;
        if (user.getRole() != Role.VISITOR && chosen != null && visitor != null) {
            visitorId = visitor.equals("none") ? Long.valueOf(0) : parse(visitor);
        }
        model.addAttribute("isVisitor", user.getRole() == Role.VISITOR);
        model.addAttribute("communities", communities);
        model.addAttribute("community", chosen);
        model.addAttribute("visitor", visitor);
        if (!communityUser) {
            model.addAttribute("counts", lists.countsByCommunity(user, now, until));
        }
        if (chosen != null) {
            model.addAttribute("rows", lists.due(user, chosen, visitorId, now, until, LIMIT));
            if (user.getRole() != Role.VISITOR) {
                model.addAttribute("visitors", visitors.visitors(chosen));
            }
        }
        model.addAttribute("now", now);
        model.addAttribute("limit", LIMIT);
        return VIEW;
    }

    private static Long parse(String text) {
        try {
            return Long.valueOf(text);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
