package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.Regions;
import org.yinling.system.RequestDates;

/** {@code /home-care/callbacks}: the month's call-backs per provider, the draws, and the calls of a provider's month. */
@Controller
@RequestMapping("/home-care/callbacks")
class CallbackController {

    private final Callbacks callbacks;
    private final Regions regions;
    private final Clock clock;

    CallbackController(Callbacks callbacks, Regions regions, Clock clock) {
        this.callbacks = callbacks;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user, Model model) {
        YearMonth chosen = monthOrLast(month);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("providers", callbacks.month(user, chosen));
        model.addAttribute("drawable", chosen.isBefore(YearMonth.now(clock)));
        return "homecare/callbacks/list";
    }

    @PostMapping("/draw")
    String drawAll(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        YearMonth chosen = monthOrLast(month);
        int drawn = callbacks.drawAll(user, chosen, LocalDate.now(clock));
        if (drawn < 0) {
            redirect.addFlashAttribute("flashError", "homecare.callbacks.monthNotOver");
        } else {
            redirect.addFlashAttribute("drawnCount", drawn);
        }
        return "redirect:/home-care/callbacks?month=" + chosen;
    }

    @GetMapping("/{providerId}/{month}")
    String provider(@PathVariable long providerId, @PathVariable String month,
                    @AuthenticationPrincipal CurrentUser user, Model model) {
        YearMonth chosen = pathMonth(month);
        CallbackStore.Provider provider = load(user, providerId);
        Callbacks.ProviderPage page = callbacks.page(user, provider, chosen);
        model.addAttribute("provider", provider);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("draw", page.draw().orElse(null));
        model.addAttribute("sampled", page.sampled());
        model.addAttribute("complaints", page.complaints());
        model.addAttribute("population", page.population());
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("drawable", chosen.isBefore(YearMonth.now(clock)));
        model.addAttribute("regionNames", regions.allNames());
        return "homecare/callbacks/provider";
    }

    @PostMapping("/{providerId}/{month}/draw")
    String draw(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes redirect) {
        YearMonth chosen = pathMonth(month);
        load(user, providerId);
        Callbacks.DrawResult result = callbacks.draw(user, providerId, chosen, LocalDate.now(clock));
        redirect.addFlashAttribute(result == Callbacks.DrawResult.DRAWN ? "flashSuccess" : "flashError",
                "homecare.callbacks.draw." + result.name());
        return redirect(providerId, chosen);
    }

    @PostMapping("/{providerId}/{month}/recheck")
    String recheck(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        YearMonth chosen = pathMonth(month);
        load(user, providerId);
        Optional<CallbackStore.Recheck> recheck = callbacks.recheck(providerId, chosen);
        if (recheck.isEmpty()) {
            redirect.addFlashAttribute("flashError", "homecare.callbacks.notDrawn");
        } else if (recheck.get().matches()) {
            redirect.addFlashAttribute("recheckCount", recheck.get().recomputed());
            redirect.addFlashAttribute("recheckPopulation", recheck.get().population());
        } else {
            redirect.addFlashAttribute("flashError", "homecare.callbacks.recheck.differs");
            redirect.addFlashAttribute("flashErrorArguments",
                    new Object[] {recheck.get().stored(), recheck.get().recomputed()});
        }
        return redirect(providerId, chosen);
    }

    @PostMapping("/{providerId}/{month}/orders/{orderId}")
    String call(@PathVariable long providerId, @PathVariable String month, @PathVariable long orderId,
                @RequestParam(required = false) String outcome, @RequestParam(required = false) String satisfaction,
                @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes redirect) {
        YearMonth chosen = pathMonth(month);
        load(user, providerId);
        Optional<CallbackOutcome> parsedOutcome = Arrays.stream(CallbackOutcome.values())
                .filter(o -> o.name().equals(outcome)).findFirst();
        Integer score = satisfaction != null && satisfaction.matches("[1-5]") ? Integer.valueOf(satisfaction) : null;
        if (parsedOutcome.isEmpty() || score == null || (note != null && note.length() > 500)) {
            redirect.addFlashAttribute("flashError", "homecare.callbacks.call.invalid");
            return redirect(providerId, chosen);
        }
        Callbacks.CallResult result = callbacks.call(user, providerId, chosen, orderId, parsedOutcome.get(), score, note);
        redirect.addFlashAttribute(result == Callbacks.CallResult.RECORDED ? "flashSuccess" : "flashError",
                "homecare.callbacks.call." + result.name());
        return redirect(providerId, chosen);
    }

    private CallbackStore.Provider load(CurrentUser user, long providerId) {
        return callbacks.provider(user, providerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private YearMonth monthOrLast(String month) {
        return RequestDates.month(month).orElseGet(() -> YearMonth.now(clock).minusMonths(1));
    }

    private static YearMonth pathMonth(String month) {
        return RequestDates.month(month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String redirect(long providerId, YearMonth month) {
        return "redirect:/home-care/callbacks/" + providerId + "/" + month;
    }
}
