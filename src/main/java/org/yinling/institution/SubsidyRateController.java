package org.yinling.institution;

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

/**
 * {@code /institutions/rates}: the monthly operating subsidy per resident of a private institution, by the resident's
 * category (seed 004 defaults: local 50, 低保 200, 特困 405 yuan), which the payment batch reads.
 */
@Controller
@RequestMapping("/institutions/rates")
class SubsidyRateController {

    static final List<String> CATEGORIES = List.of("LOCAL", "MINIMUM_LIVING", "EXTREME_POVERTY");
    private static final BigDecimal MAX = new BigDecimal("100000");

    private final SubsidyRates service;

    SubsidyRateController(SubsidyRates service) {
        this.service = service;
    }

    @GetMapping
    String rates(Model model) {
        Map<String, BigDecimal> rates = service.operatingRates();
        model.addAttribute("rates", CATEGORIES.stream().map(c -> Map.entry(c, rates.get(c))).toList());
        Map<String, BigDecimal> tiers = service.constructionRates();
        model.addAttribute("tiers", java.util.Arrays.stream(GrantTier.values())
                .map(t -> Map.entry(t, tiers.get(t.name()))).toList());
        return "institutions/rates";
    }

    @PostMapping
    String update(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            BigDecimal amount = parse(form.get(category));
            if (amount == null) {
                redirect.addFlashAttribute("flashError", "institution.rates.invalid");
                return "redirect:/institutions/rates";
            }
            amounts.put(category, amount);
        }
        Map<String, BigDecimal> perBed = new LinkedHashMap<>();
        for (GrantTier tier : GrantTier.values()) {
            BigDecimal amount = parse(form.get(tier.name()));
            if (amount == null) {
                redirect.addFlashAttribute("flashError", "institution.rates.invalid");
                return "redirect:/institutions/rates";
            }
            perBed.put(tier.name(), amount);
        }
        service.update(amounts, perBed, user.getUsername());
        redirect.addFlashAttribute("flashSuccess", "institution.rates.saved");
        return "redirect:/institutions/rates";
    }

    private static BigDecimal parse(String text) {
        if (text == null || !text.strip().matches("\\d{1,6}(\\.\\d{1,2})?")) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text.strip());
        return amount.compareTo(MAX) > 0 ? null : amount;
    }
}
