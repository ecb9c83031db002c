package org.yinling.meal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.rate.RatePage;
import org.yinling.rate.RateTable;

/**
 * {@code /meal-points/rates}: the operating subsidy per meal of a licensed point, per region from a month, on the
 * shared rates page (the subsidy per meal by category is the meal categories').
 */
@Controller
@RequestMapping("/meal-points/rates")
class MealRateController {

    /** The per-meal operating subsidy of a licensed meal point (seed 001/002). */
    static final RateTable MEAL = new RateTable("MEAL", "meal.rates.table", "meal.rates.table.help",
            List.of("OPERATING"), "meal.rates.", List.of(), "", List.of(), new BigDecimal("1000"));

    private static final RatePage.Frame FRAME = new RatePage.Frame("/meal-points/rates", "meal.rates.title",
            "meal.rates.help", "/meal-points", "meal.points.title");

    private final RatePage page;

    MealRateController(RatePage page) {
        this.page = page;
    }

    @GetMapping
    String rates(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page.show(FRAME, List.of(MEAL), user, model);
    }

    @PostMapping
    String add(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
               Model model, RedirectAttributes redirect) {
        return page.submit(FRAME, List.of(MEAL), params, user, model, redirect);
    }
}
