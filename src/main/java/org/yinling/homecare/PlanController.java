package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/**
 * Service plans: {@code /home-care/plans} (the elders of the region with a budget this month), an elder's plan page
 * {@code /home-care/elders/{elderId}/plan} with the plan form and the ad hoc order form, a plan
 * {@code /home-care/plans/{planId}}, the month's generation {@code /home-care/generation}, and the elder page's card.
 */
@Controller
@RequestMapping("/home-care")
class PlanController {

    static final String LIST = "homecare/plans";
    static final String PAGE = "homecare/plan";
    static final String DETAIL = "homecare/plan-detail";
    static final String GENERATION = "homecare/generation";

    private final ServicePlans plans;
    private final OrderGeneration generation;
    private final Regions regions;
    private final Clock clock;

    PlanController(ServicePlans plans, OrderGeneration generation, Regions regions, Clock clock) {
        this.plans = plans;
        this.generation = generation;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String street,
                @RequestParam(required = false) String community, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        ServicePlans.Search search = new ServicePlans.Search(q, street, community, page);
        model.addAttribute("rows", plans.list(search, user));
        model.addAttribute("search", search);
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY).stream()
                .filter(c -> street == null || street.isBlank() || c.code().startsWith(street.substring(0,
                        Math.min(street.length(), RegionLevel.STREET.significantDigits()))))
                .toList());
        model.addAttribute("regionNames", regions.allNames());
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
        model.addAttribute("month", YearMonth.from(month));
        model.addAttribute("generationMonths", List.of(YearMonth.from(month), YearMonth.from(month.plusMonths(1))));
        model.addAttribute("base", base(search));
        return LIST;
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable long planId, @AuthenticationPrincipal CurrentUser user, Model model) {
        PlanStore.Plan plan = plans.plan(planId, user);
        model.addAttribute("plan", plan);
        model.addAttribute("elder", plans.elderOf(plan, user));
        model.addAttribute("regionNames", regions.allNames());
        return DETAIL;
    }

    @GetMapping("/elders/{elderId}/plan")
    String page(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ServicePlans.PlanPage page = plans.page(elderId, user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", page.latest().map(PlanForm::of).orElseGet(PlanForm::blank));
        }
        if (!model.containsAttribute("adHoc")) {
            model.addAttribute("adHoc", AdHocOrderForm.blank(LocalDate.now(clock)));
        }
        model.addAttribute("page", page);
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("mayChange", user.hasRole(Role.DISTRICT_STAFF) || user.hasRole(Role.STREET_REVIEWER)
                || user.hasRole(Role.COMMUNITY_CLERK));
        return PAGE;
    }

    @PostMapping("/elders/{elderId}/plan")
    String save(@PathVariable long elderId, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Optional<Long> id = plans.save(elderId, form, errors, user);
        if (id.isEmpty()) {
            return page(elderId, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.plan.saved");
        return "redirect:/home-care/elders/" + elderId + "/plan";
    }

    @PostMapping("/elders/{elderId}/orders")
    String adHoc(@PathVariable long elderId, @Valid @ModelAttribute("adHoc") AdHocOrderForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Optional<Long> id = plans.adHoc(elderId, form, errors, user);
        if (id.isEmpty()) {
            model.addAttribute("adHocOpen", true);
            return page(elderId, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.adhoc.created");
        return "redirect:/home-care/elders/" + elderId + "/plan";
    }

    /** The elder page's card: the budget, the plan and this month's orders (htmx). */
    @GetMapping("/elders/{elderId}/summary")
    String card(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("card", plans.card(elderId, user));
        model.addAttribute("elderId", elderId);
        return "homecare/elder-card :: card";
    }

    /** The confirmation of a month's generation: how many orders it will create. */
    @GetMapping("/generation")
    String confirm(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user,
                   Model model, RedirectAttributes redirect) {
        Optional<LocalDate> chosen = generation.month(month);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("flashError", "homecare.generation.month.invalid");
            return "redirect:/home-care/plans";
        }
        model.addAttribute("month", YearMonth.from(chosen.get()));
        model.addAttribute("preview", generation.preview(chosen.get(), user));
        return GENERATION;
    }

    @PostMapping("/generation")
    String generate(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        Optional<LocalDate> chosen = generation.month(month);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("flashError", "homecare.generation.month.invalid");
            return "redirect:/home-care/plans";
        }
        redirect.addFlashAttribute("generated", generation.generate(chosen.get(), user));
        return "redirect:/home-care/plans";
    }

    private static String base(ServicePlans.Search search) {
        StringBuilder base = new StringBuilder("/home-care/plans?");
        for (String[] pair : Arrays.asList(new String[] {"q", search.q()}, new String[] {"street", search.street()},
                new String[] {"community", search.community()})) {
            if (pair[1] != null && !pair[1].isBlank()) {
                base.append(pair[0]).append('=').append(java.net.URLEncoder.encode(pair[1],
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return base.substring(0, base.length() - 1);
    }
}
