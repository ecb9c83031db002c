package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.Paging;

/**
 * {@code /home-care/orders}: the work orders of the user's region or provider, an order's detail with its event log,
 * and the actions of staff (dispatch, cancel, missed, clear flags) and of the provider's manager (accept and assign,
 * reassign, refuse); {@code /home-care/missed}; an elder's home location and service card.
 */
@Controller
class OrderController {

    static final String LIST_VIEW = "homecare/orders";
    static final String DETAIL_VIEW = "homecare/order";
    static final String MISSED_VIEW = "homecare/missed";
    static final String CARD_VIEW = "homecare/service-card";
    private static final int PAGE_SIZE = 20;

    private final OrderWorkflow workflow;
    private final OrderStore orders;
    private final Regions regions;
    private final Clock clock;

    OrderController(OrderWorkflow workflow, OrderStore orders, Regions regions, Clock clock) {
        this.workflow = workflow;
        this.orders = orders;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/home-care/orders")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String provider,
                @RequestParam(required = false) String region, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String flagged,
                @RequestParam(required = false) String page, @AuthenticationPrincipal CurrentUser user, Model model) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderStore.OrderFilter filter = OrderStore.OrderFilter.of(state, number(provider), region, date(from), date(to),
                "true".equals(flagged));
        model.addAttribute("page", orders.list(filter, scope, Paging.of(intOrNull(page), PAGE_SIZE)));
        model.addAttribute("filter", filter);
        model.addAttribute("states", OrderState.values());
        model.addAttribute("providers", orders.providers(scope));
        model.addAttribute("regionChoices", regionChoices(user, scope));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("base", base(filter));
        return LIST_VIEW;
    }

    @GetMapping("/home-care/orders/{orderId}")
    String detail(@PathVariable long orderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        OrderView order = workflow.view(orderId, user);
        model.addAttribute("order", order);
        model.addAttribute("events", orders.events(orderId));
        model.addAttribute("digestStatus", workflow.digestStatus(order));
        model.addAttribute("communityPath", regions.path(order.communityCode()));
        model.addAttribute("providerChoices", order.state() == OrderState.PENDING_DISPATCH
                ? orders.providersFor(order.communityCode(), LocalDate.now(clock)) : List.of());
        model.addAttribute("workers", workflow.workersOf(user));
        model.addAttribute("location", orders.location(order.elderId()).orElse(null));
        return DETAIL_VIEW;
    }

    @PostMapping("/home-care/orders/{orderId}/dispatch")
    String dispatch(@PathVariable long orderId, @RequestParam(required = false) String providerId,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.dispatch(orderId, number(providerId), user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/cancel")
    String cancel(@PathVariable long orderId, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.cancel(orderId, reason, user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/missed")
    String missed(@PathVariable long orderId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.markMissed(orderId, user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/clear-flags")
    String clearFlags(@PathVariable long orderId, @RequestParam(required = false) String note,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.clearFlags(orderId, note, user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/assign")
    String assign(@PathVariable long orderId, @RequestParam(required = false) String workerId,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.assign(orderId, number(workerId), user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/reassign")
    String reassign(@PathVariable long orderId, @RequestParam(required = false) String workerId,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.reassign(orderId, number(workerId), user), orderId, redirect);
    }

    @PostMapping("/home-care/orders/{orderId}/refuse")
    String refuse(@PathVariable long orderId, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.refuse(orderId, reason, user), orderId, redirect);
    }

    @GetMapping("/home-care/missed")
    String missedList(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("missed", workflow.missed(user));
        model.addAttribute("regionNames", regions.allNames());
        return MISSED_VIEW;
    }

    @GetMapping("/home-care/elders/{elderId}/card")
    String card(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        OrderStore.Elder elder = workflow.elder(elderId, user);
        model.addAttribute("elder", elder);
        model.addAttribute("location", orders.location(elderId).orElse(null));
        model.addAttribute("cardIssuedAt", orders.cardIssuedAt(elderId).orElse(null));
        model.addAttribute("communityPath", regions.path(elder.communityCode()));
        return CARD_VIEW;
    }

    @PostMapping("/home-care/elders/{elderId}/location")
    String location(@PathVariable long elderId, @RequestParam(required = false) String latitude,
                    @RequestParam(required = false) String longitude, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        flash(workflow.setLocation(elderId, latitude, longitude, user), redirect);
        return "redirect:/home-care/elders/" + elderId + "/card";
    }

    @PostMapping("/home-care/elders/{elderId}/card")
    String issueCard(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
        redirect.addFlashAttribute("cardCode", workflow.issueCard(elderId, user));
        redirect.addFlashAttribute("flashSuccess", "homecare.elder.card.issued");
        return "redirect:/home-care/elders/" + elderId + "/card";
    }

    private String done(OrderOutcome outcome, long orderId, RedirectAttributes redirect) {
        flash(outcome, redirect);
        return "redirect:/home-care/orders/" + orderId;
    }

    static void flash(OrderOutcome outcome, RedirectAttributes redirect) {
        if (outcome.done()) {
            redirect.addFlashAttribute("flashSuccess", outcome.messageKey());
        } else {
            redirect.addFlashAttribute("flashError", outcome.messageKey());
            if (outcome.arguments() != null && outcome.arguments().length > 0) {
                redirect.addFlashAttribute("flashErrorArguments", outcome.arguments());
            }
        }
    }

    /** Streets and communities to filter by: the user's region's, or the provider's communities. */
    private Map<String, String> regionChoices(CurrentUser user, HomeCareScope scope) {
        Map<String, String> choices = new LinkedHashMap<>();
        Map<String, String> names = regions.allNames();
        if (scope.isProvider()) {
            orders.communitiesOf(scope.provider()).forEach(c -> choices.put(c, names.getOrDefault(c, c)));
            return choices;
        }
        for (RegionView street : regions.within(user.scope(), RegionLevel.STREET)) {
            choices.put(street.code(), street.name());
            for (RegionView community : regions.children(street.code())) {
                if (user.scope().contains(community.code())) {
                    choices.put(community.code(), street.name() + " / " + community.name());
                }
            }
        }
        return choices;
    }

    private static String base(OrderStore.OrderFilter f) {
        StringBuilder base = new StringBuilder("/home-care/orders?");
        if (f.state() != null) {
            base.append("state=").append(f.state().name()).append('&');
        }
        if (f.provider() != null) {
            base.append("provider=").append(f.provider()).append('&');
        }
        if (f.region() != null) {
            base.append("region=").append(f.region()).append('&');
        }
        if (f.from() != null) {
            base.append("from=").append(f.from()).append('&');
        }
        if (f.to() != null) {
            base.append("to=").append(f.to()).append('&');
        }
        if (f.flagged()) {
            base.append("flagged=true&");
        }
        return base.substring(0, base.length() - 1);
    }

    static Long number(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }

    private static Integer intOrNull(String value) {
        return value == null || !value.strip().matches("\\d{1,9}") ? null : Integer.valueOf(value.strip());
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return day.getYear() < 1900 || day.getYear() > 2200 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
