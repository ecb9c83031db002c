package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** {@code /home-care/catalogue}: the services that can be ordered and their prices per region and date. */
@Controller
@RequestMapping("/home-care/catalogue")
class CatalogueController {

    private final CatalogueStore store;
    private final Catalogue catalogue;
    private final Regions regions;
    private final Clock clock;

    CatalogueController(CatalogueStore store, Catalogue catalogue, Regions regions, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Long edit, @AuthenticationPrincipal CurrentUser user, Model model) {
        CatalogueItem editing = edit == null ? null : store.find(edit).orElse(null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editing == null ? ItemForm.blank() : ItemForm.of(editing));
        }
        return show(editing, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ItemForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Optional<Long> id = catalogue.create(form, user, errors);
        if (id.isEmpty()) {
            model.addAttribute("formOpen", true);
            return show(null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.item.created");
        return "redirect:/home-care/catalogue#item-" + id.get();
    }

    @PostMapping("/{itemId}")
    String update(@PathVariable long itemId, @Valid @ModelAttribute("form") ItemForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        CatalogueItem item = load(itemId);
        if (!catalogue.update(item, form, user, errors)) {
            model.addAttribute("formOpen", true);
            return show(item, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "homecare.item.updated");
        return "redirect:/home-care/catalogue#item-" + itemId;
    }

    @PostMapping("/{itemId}/prices")
    String addPrice(@PathVariable long itemId, @RequestParam(required = false) String regionCode,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                    @RequestParam(required = false) BigDecimal unitPrice, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        CatalogueItem item = load(itemId);
        Optional<Catalogue.PriceProblem> problem = catalogue.addPrice(item, regionCode, effectiveFrom, unitPrice, user);
        redirect.addFlashAttribute(problem.isPresent() ? "flashError" : "flashSuccess",
                problem.map(Catalogue.PriceProblem::messageKey).orElse("homecare.price.added"));
        return "redirect:/home-care/catalogue#item-" + itemId;
    }

    private String show(CatalogueItem editing, CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        String district = districtOf(user);
        model.addAttribute("items", store.items(district, today));
        model.addAttribute("editing", editing);
        model.addAttribute("today", today);
        model.addAttribute("district", district);
        model.addAttribute("categories", ItemCategory.values());
        model.addAttribute("units", ItemUnit.values());
        // the regions a price may be for: the district, its streets and communities
        List<RegionView> priceRegions = new ArrayList<>();
        regions.find(district).ifPresent(priceRegions::add);
        RegionScope scope = RegionScope.of(district, RegionLevel.DISTRICT);
        priceRegions.addAll(regions.within(scope, RegionLevel.STREET));
        priceRegions.addAll(regions.within(scope, RegionLevel.COMMUNITY));
        model.addAttribute("priceRegions", priceRegions);
        model.addAttribute("regionNames", regions.allNames());
        return "homecare/catalogue";
    }

    /** The district of the user's region (a provider user's region is their provider's district). */
    private static String districtOf(CurrentUser user) {
        return user.getRegionCode().substring(0, 6) + "000000";
    }

    private CatalogueItem load(long itemId) {
        return store.find(itemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
