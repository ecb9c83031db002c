package org.yinling.meal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;

/** {@code /meal-points/rates}: the per-meal subsidy by category and the operating subsidy per meal, system-wide. */
@Controller
@RequestMapping("/meal-points/rates")
class MealRateController {

    static final List<String> KEYS = List.of("POVERTY", "AGE_80", "AGE_60", "OPERATING");
    private static final BigDecimal MAX = new BigDecimal("1000");

    private final MealPoints service;

    MealRateController(MealPoints service) {
        this.service = service;
    }

    @GetMapping
    String rates(Model model) {
        Map<String, BigDecimal> rates = service.rates();
        model.addAttribute("rates", KEYS.stream().map(k -> Map.entry(k, rates.get(k))).toList());
        return "meals/rates";
    }

    @PostMapping
    String update(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String key : KEYS) {
            String text = form.get(key) == null ? "" : form.get(key).strip();
            if (!text.matches("\\d{1,4}(\\.\\d{1,2})?") || new BigDecimal(text).compareTo(MAX) > 0) {
                redirect.addFlashAttribute("flashError", "meal.rates.invalid");
                return "redirect:/meal-points/rates";
            }
            amounts.put(key, new BigDecimal(text));
        }
        service.setRates(amounts, user.getUsername());
        redirect.addFlashAttribute("flashSuccess", "meal.rates.saved");
        return "redirect:/meal-points/rates";
    }
}
