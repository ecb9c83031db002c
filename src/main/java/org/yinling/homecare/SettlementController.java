package org.yinling.homecare;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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
import org.yinling.system.Uploads;

/** {@code /home-care/settlements}: the month's provider settlements, one provider's statement, its print and .xlsx. */
@Controller
@RequestMapping("/home-care/settlements")
class SettlementController {

    private final Settlements settlements;
    private final SettlementWorkbook workbook;
    private final Regions regions;
    private final Clock clock;

    private final org.yinling.region.IssuingBureaus bureaus;
    private final org.springframework.context.MessageSource messages;

    SettlementController(Settlements settlements, SettlementWorkbook workbook, Regions regions, Clock clock,
                         org.yinling.region.IssuingBureaus bureaus, org.springframework.context.MessageSource messages) {
        this.bureaus = bureaus;
        this.messages = messages;
        this.settlements = settlements;
        this.workbook = workbook;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user, Model model) {
        YearMonth chosen = RequestDates.month(month).orElseGet(() -> YearMonth.now(clock).minusMonths(1));
        model.addAttribute("month", chosen.toString());
        model.addAttribute("rows", settlements.month(user, chosen));
        return "homecare/settlements/list";
    }

    @GetMapping("/{providerId}/{month}")
    String detail(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
                  Model model) {
        statement(user, providerId, month, model);
        return "homecare/settlements/detail";
    }

    @GetMapping("/{providerId}/{month}/print")
    String print(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
                 Model model, java.util.Locale locale) {
        Settlements.Statement statement = statement(user, providerId, month, model);
        settlements.exported(statement.provider(), statement.month(), "print");
        String district = statement.provider().regionCode();
        // the bureau as set for notices (issue 20 §3), else the district's 民政局 by name
        model.addAttribute("bureau", bureaus.of(district,
                name -> messages.getMessage("notice.bureau.default", new Object[] {name}, locale)).name());
        model.addAttribute("printedBy", user.getDisplayName());
        model.addAttribute("confirmedByName", statement.settlement().map(SettlementStore.Settlement::confirmedByName)
                .orElse(null));
        return "homecare/settlements/print";
    }

    @GetMapping("/{providerId}/{month}.xlsx")
    void xlsx(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
              Locale locale, HttpServletResponse response) throws IOException {
        YearMonth chosen = pathMonth(month);
        SettlementStore.Provider provider = load(user, providerId);
        Settlements.Statement statement = settlements.statement(user, provider, chosen);
        settlements.exported(provider, chosen, "xlsx");
        Uploads.xlsxAttachment(response, "home-care-settlement-" + providerId + "-" + chosen + ".xlsx");
        workbook.write(statement, locale, response.getOutputStream());
    }

    @PostMapping("/{providerId}/{month}/confirm")
    String confirm(@PathVariable long providerId, @PathVariable String month, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        YearMonth chosen = pathMonth(month);
        SettlementStore.Provider provider = load(user, providerId);
        Settlements.ConfirmResult result = settlements.confirm(user, provider, chosen,
                YearMonth.from(LocalDate.now(clock)));
        redirect.addFlashAttribute(result == Settlements.ConfirmResult.CONFIRMED ? "flashSuccess" : "flashError",
                "homecare.settlements.confirm." + result.name());
        return "redirect:/home-care/settlements/" + providerId + "/" + chosen;
    }

    private Settlements.Statement statement(CurrentUser user, long providerId, String month, Model model) {
        YearMonth chosen = pathMonth(month);
        SettlementStore.Provider provider = load(user, providerId);
        Settlements.Statement statement = settlements.statement(user, provider, chosen);
        model.addAttribute("statement", statement);
        model.addAttribute("provider", provider);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("totals", statement.totals());
        model.addAttribute("lines", statement.lines());
        model.addAttribute("settlement", statement.settlement().orElse(null));
        model.addAttribute("confirmable", chosen.isBefore(YearMonth.now(clock)));
        model.addAttribute("regionNames", regions.allNames());
        return statement;
    }

    private SettlementStore.Provider load(CurrentUser user, long providerId) {
        return settlements.provider(user, providerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static YearMonth pathMonth(String month) {
        return RequestDates.month(month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
