package org.yinling.meal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Operator;

/**
 * {@code /meal-points/categories}: the ordered meal categories of the city and of the user's regions, each list from
 * a date, and the form of a new list (seed 001 and national guidance: the district orders its own categories).
 */
@Controller
@RequestMapping("/meal-points/categories")
class MealCategoryController {

    private final MealCategories service;
    private final Regions regions;
    private final Clock clock;

    MealCategoryController(MealCategories service, Regions regions, Clock clock) {
        this.service = service;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String lists(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("lists", service.lists(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("manage", user.getRole() == Role.ADMIN || user.getRole() == Role.DISTRICT_STAFF);
        return "meals/categories";
    }

    /** The form of a new list, starting from the region's list in force (else the city's). */
    @GetMapping("/new")
    String form(@RequestParam(defaultValue = "") String region, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String chosen = region.isBlank() && user.getRole() != Role.ADMIN ? user.getRegionCode() : region;
        List<MealCategoryStore.CategoryList> lists = service.lists(user);
        Optional<MealCategoryStore.CategoryList> current = lists.stream()
                .filter(l -> l.current() && (chosen.isBlank() ? l.regionCode() == null : chosen.equals(l.regionCode())))
                .findFirst()
                .or(() -> lists.stream().filter(l -> l.current() && l.regionCode() == null).findFirst());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("form", MealCategoryForm.of(chosen, today.plusDays(1),
                current.map(MealCategoryStore.CategoryList::categories).orElse(List.of())));
        return showForm(user, model);
    }

    @PostMapping
    String add(@ModelAttribute("form") MealCategoryForm form, BindingResult errors,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors() || !service.add(form, user, errors)) {
            return showForm(user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "meal.categories.saved");
        return "redirect:/meal-points/categories";
    }

    private String showForm(CurrentUser user, Model model) {
        List<RegionView> regionChoices = new ArrayList<>();
        for (RegionView district : regions.within(user.scope(), RegionLevel.DISTRICT)) {
            regionChoices.add(district);
            regionChoices.addAll(regions.within(district.scope(), RegionLevel.STREET));
        }
        model.addAttribute("regionChoices", regionChoices);
        model.addAttribute("cityChoice", user.getRole() == Role.ADMIN);
        model.addAttribute("connectives", Arrays.asList(Connective.values()));
        model.addAttribute("attributes", Arrays.asList(Attribute.values()));
        model.addAttribute("operators", Arrays.asList(Operator.values()));
        model.addAttribute("choiceAttributes", Arrays.stream(Attribute.values())
                .filter(attribute -> !attribute.choices().isEmpty()).toList());
        return "meals/category-form";
    }
}
