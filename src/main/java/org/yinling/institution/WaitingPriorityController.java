package org.yinling.institution;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionView;

/**
 * {@code /waiting-list/priority}: the waiting list's priority order of a district, the orders that held before and
 * after, and (district staff) a new order from a day on, by order numbers.
 */
@Controller
@RequestMapping("/waiting-list/priority")
class WaitingPriorityController {

    static final String VIEW = "institutions/waiting-priority";

    private final WaitingPriorityService service;

    WaitingPriorityController(WaitingPriorityService service) {
        this.service = service;
    }

    @GetMapping
    String page(@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        List<RegionView> districts = service.districts(user);
        RegionView district = districts.stream().filter(d -> d.code().equals(region)).findFirst()
                .orElse(districts.isEmpty() ? null : districts.get(0));
        model.addAttribute("districts", districts);
        model.addAttribute("district", district);
        model.addAttribute("today", service.today());
        if (district != null) {
            WaitingPriorityStore.Order inForce = service.inForce(district.code());
            model.addAttribute("inForce", inForce);
            model.addAttribute("orders", service.orders(district.code()));
            model.addAttribute("mayChange", service.mayChange(district.code(), user));
            if (!model.containsAttribute("rules")) {
                model.addAttribute("rules", inForce.rules().stream().map(Enum::name).toList());
                model.addAttribute("ranks", java.util.stream.IntStream.rangeClosed(1, inForce.rules().size())
                        .mapToObj(Integer::toString).toList());
                model.addAttribute("effectiveFrom", service.today().toString());
            }
        }
        return VIEW;
    }

    @PostMapping
    String reorder(@RequestParam(required = false) String region,
                   @RequestParam(required = false) String effectiveFrom,
                   @RequestParam(name = "rule", required = false) List<String> rules,
                   @RequestParam(name = "rank", required = false) List<String> ranks,
                   @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        BindingResult errors = new MapBindingResult(new java.util.HashMap<>(), "priority");
        if (service.reorder(region, effectiveFrom, rules, ranks, user, errors)) {
            redirect.addFlashAttribute("flashSuccess", "waiting.priority.saved");
            return "redirect:/waiting-list/priority?region=" + region;
        }
        model.addAttribute("problems", errors.getAllErrors());
        // what was typed comes back (only the known rules, in the order shown)
        List<String> known = WaitingCategory.rules().stream().map(Enum::name).toList();
        boolean intact = rules != null && ranks != null && rules.size() == ranks.size() && known.containsAll(rules)
                && rules.size() == known.size();
        if (intact) {
            model.addAttribute("rules", rules);
            model.addAttribute("ranks", ranks.stream().map(r -> r == null ? "" : r.length() > 4 ? r.substring(0, 4) : r)
                    .toList());
            model.addAttribute("effectiveFrom", effectiveFrom == null || effectiveFrom.length() > 10 ? ""
                    : effectiveFrom);
        }
        return page(region, user, model);
    }
}
