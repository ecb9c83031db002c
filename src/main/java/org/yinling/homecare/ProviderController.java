package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.ProviderUsers;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.Paging;

/** {@code /home-care/providers}: the providers under contract, their communities, contracts and workers. */
@Controller
@RequestMapping("/home-care/providers")
class ProviderController {

    private static final int PAGE_SIZE = 20;
    /** A contract ending within this many days is marked on the page. */
    static final int EXPIRY_WARNING_DAYS = 60;

    private final ProviderStore store;
    private final Providers providers;
    private final ProviderUsers users;
    private final Regions regions;
    private final Clock clock;

    ProviderController(ProviderStore store, Providers providers, ProviderUsers users, Regions regions, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.users = users;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ProviderKind kind,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        ProviderStore.Filter filter = new ProviderStore.Filter(q == null ? null : q.strip(), kind);
        HomeCareScope scope = HomeCareScope.of(user);
        int number = Paging.page(page);
        model.addAttribute("providers", new PageImpl<>(store.search(filter, scope, PAGE_SIZE, number * PAGE_SIZE),
                PageRequest.of(number, PAGE_SIZE), store.count(filter, scope)));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("warningDays", EXPIRY_WARNING_DAYS);
        return "homecare/providers";
    }

    @GetMapping("/new")
    @PreAuthorize(Providers.DISTRICT_STAFF)
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        return showForm(ProviderForm.blank(LocalDate.now(clock)), null, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ProviderForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // create() adds the rules to Bean Validation's errors, so the user sees all problems at once
        Optional<Long> id = providers.create(form, user, errors);
        if (id.isEmpty()) {
            return showForm(form, null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.provider.created");
        return "redirect:/home-care/providers/" + id.get();
    }

    @GetMapping("/{providerId}")
    String detail(@PathVariable long providerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Provider provider = load(providerId, user);
        providers.viewed(provider, user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("provider", provider);
        model.addAttribute("today", today);
        model.addAttribute("expired", provider.expiredOn(today));
        model.addAttribute("notYetStarted", provider.notYetStartedOn(today));
        model.addAttribute("daysLeft", provider.daysLeftOn(today));
        model.addAttribute("warningDays", EXPIRY_WARNING_DAYS);
        model.addAttribute("payeeAccount", user.bankAccount(provider.payeeAccount()));
        model.addAttribute("contactPhone", user.phone(provider.contactPhone()));
        model.addAttribute("workers", users.workersOf(providerId));
        // the coordinator links these to the missed-visits list
        model.addAttribute("missedVisits", store.missedVisits(providerId, OffsetDateTime.now(clock), clock.getZone()));
        model.addAttribute("regionNames", regions.allNames());
        return "homecare/provider";
    }

    @GetMapping("/{providerId}/edit")
    @PreAuthorize(Providers.DISTRICT_STAFF)
    String editForm(@PathVariable long providerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Provider provider = load(providerId, user);
        return showForm(ProviderForm.of(provider), provider, user, model);
    }

    @PostMapping("/{providerId}")
    String update(@PathVariable long providerId, @Valid @ModelAttribute("form") ProviderForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Provider provider = load(providerId, user);
        if (!providers.update(provider, form, user, errors)) {
            return showForm(form, provider, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.provider.updated");
        return "redirect:/home-care/providers/" + providerId;
    }

    private String showForm(ProviderForm form, Provider provider, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("provider", provider);
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("statuses", ProviderStatus.values());
        // the district's communities, street by street
        Map<RegionView, List<RegionView>> byStreet = new LinkedHashMap<>();
        List<RegionView> communities = regions.within(user.scope(), RegionLevel.COMMUNITY);
        for (RegionView street : regions.within(user.scope(), RegionLevel.STREET)) {
            List<RegionView> ofStreet = communities.stream().filter(c -> street.code().equals(c.parentCode())).toList();
            if (!ofStreet.isEmpty()) {
                byStreet.put(street, ofStreet);
            }
        }
        model.addAttribute("communitiesByStreet", byStreet);
        return "homecare/provider-form";
    }

    private Provider load(long providerId, CurrentUser user) {
        return store.find(providerId, HomeCareScope.of(user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
