package org.yinling.institution;

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

/**
 * {@code /institutions/rates}: the operating subsidy per resident-month (and who receives it) and the construction
 * grant per bed by tier, per region from a month ({@link SubsidyRates}), on the shared rates page.
 */
@Controller
@RequestMapping("/institutions/rates")
class SubsidyRateController {

    private static final RatePage.Frame FRAME = new RatePage.Frame("/institutions/rates", "institution.rates.title",
            "institution.rates.help", "/institutions", "institution.list.title");
    private static final List<org.yinling.rate.RateTable> TABLES = List.of(SubsidyRates.OPERATING,
            SubsidyRates.CONSTRUCTION);

    private final RatePage page;

    SubsidyRateController(RatePage page) {
        this.page = page;
    }

    @GetMapping
    String rates(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page.show(FRAME, TABLES, user, model);
    }

    @PostMapping
    String add(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
               Model model, RedirectAttributes redirect) {
        return page.submit(FRAME, TABLES, params, user, model, redirect);
    }
}
