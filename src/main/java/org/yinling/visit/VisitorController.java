package org.yinling.visit;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * {@code /visits/visitors}: a community's visitors with the elders bound to each, the roster with its visitors, binding
 * chosen elders to a visitor, and moving all of one visitor's elders to another.
 */
@Controller
@RequestMapping("/visits/visitors")
class VisitorController {

    static final String VIEW = "visits/visitors";

    private final Visitors visitors;
    private final Regions regions;

    VisitorController(Visitors visitors, Regions regions) {
        this.visitors = visitors;
        this.regions = regions;
    }

    @GetMapping
    String page(@RequestParam(required = false) String community, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String chosen = community(community, user);
        model.addAttribute("communities", user.getRegionLevel() == RegionLevel.COMMUNITY ? List.of()
                : regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("community", chosen);
        if (chosen != null) {
            model.addAttribute("visitors", visitors.visitors(chosen));
            model.addAttribute("roster", visitors.roster(chosen, user));
        }
        model.addAttribute("mayBind", user.getRole() != Role.MANAGER);
        return VIEW;
    }

    @PostMapping("/bind")
    String bind(@RequestParam(required = false) String community,
                @RequestParam(name = "elders", required = false) List<Long> elders,
                @RequestParam(required = false) Long visitor, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes redirect) {
        int bound = visitors.bind(elders, visitor, user);
        flash(redirect, bound, "visit.visitors.bound");
        return back(community(community, user));
    }

    @PostMapping("/reassign")
    String reassign(@RequestParam(required = false) String community, @RequestParam(required = false) Long from,
                    @RequestParam(required = false) Long to, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        int moved = visitors.reassign(from, to, user);
        flash(redirect, moved, "visit.visitors.reassigned");
        return back(community(community, user));
    }

    private static void flash(RedirectAttributes redirect, int count, String key) {
        if (count == 0) {
            redirect.addFlashAttribute("flashError", "visit.visitors.nothing");
        }
        else {
            redirect.addFlashAttribute("flashSuccess", key);
            redirect.addFlashAttribute("changedCount", count);
        }
    }

    private static String back(String community) {
        return "redirect:" + UriComponentsBuilder.fromPath("/visits/visitors")
                .queryParamIfPresent("community", java.util.Optional.ofNullable(community)).build().toUriString();
    }

    /** The community the page is about: the user's own, or a chosen one inside the user's region. */
    private String community(String requested, CurrentUser user) {
        if (user.getRegionLevel() == RegionLevel.COMMUNITY) {
            return user.getRegionCode();
        }
        if (requested == null) {
            return null;
        }
        return regions.within(user.scope(), RegionLevel.COMMUNITY).stream().map(RegionView::code)
                .filter(requested::equals).findFirst().orElse(null);
    }
}
