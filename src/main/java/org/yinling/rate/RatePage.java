package org.yinling.rate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * The one rates page (template {@code rates/page}) behind every module's rates route: each table's versions and the
 * form of a new version. A module's controller passes its tables, its route and its breadcrumb.
 */
@Component
public class RatePage {

    /** The template. */
    public static final String VIEW = "rates/page";

    private final Rates rates;
    private final Regions regions;
    private final Clock clock;

    RatePage(Rates rates, Regions regions, Clock clock) {
        this.rates = rates;
        this.regions = regions;
        this.clock = clock;
    }

    /** What a module's page is: its route, its title and the page above it in the breadcrumb. */
    public record Frame(String action, String titleKey, String helpKey, String parentHref, String parentKey) {
    }

    /** A table on the page: its versions, the new version's form, and the refusal of that form if any. */
    public record Section(RateTable table, List<RateVersion> versions, Form form, String problemKey) {
    }

    /** A new version as typed: region (blank: the city), month {@code yyyy-MM}, amounts by key, settings. */
    public record Form(String region, String from, Map<String, String> amounts, List<String> choices) {
    }

    /** Renders the page. */
    public String show(Frame frame, List<RateTable> tables, CurrentUser user, Model model) {
        return render(frame, tables, user, model, null, null, null);
    }

    /**
     * Adds a version of the table named by the {@code table} parameter: back to the page with a message when done,
     * else the page again with the form as typed and why it was refused.
     */
    public String submit(Frame frame, List<RateTable> tables, MultiValueMap<String, String> params, CurrentUser user,
                         Model model, RedirectAttributes redirect) {
        String code = params.getFirst("table");
        Optional<RateTable> table = tables.stream().filter(t -> t.code().equals(code)).findFirst();
        if (table.isEmpty()) {
            redirect.addFlashAttribute("flashError", "rate.problem.TABLE");
            return "redirect:" + frame.action();
        }
        Form form = form(table.get(), params);
        YearMonth from = month(form.from());
        Optional<Rates.Problem> problem = rates.add(table.get(), form.region(), from, form.amounts(), form.choices(),
                user);
        if (problem.isPresent()) {
            model.addAttribute("flashError", problem.get().messageKey());
            return render(frame, tables, user, model, table.get(), form, problem.get().messageKey());
        }
        redirect.addFlashAttribute("flashSuccess", "rate.saved");
        return "redirect:" + frame.action() + "#rates-" + table.get().code();
    }

    private String render(Frame frame, List<RateTable> tables, CurrentUser user, Model model, RateTable failed,
                          Form typed, String problemKey) {
        LocalDate today = LocalDate.now(clock);
        List<Section> sections = new ArrayList<>();
        for (RateTable table : tables) {
            List<RateVersion> versions = rates.versions(table, user);
            boolean isFailed = table.equals(failed);
            sections.add(new Section(table, versions, isFailed ? typed : blank(table, versions),
                    isFailed ? problemKey : null));
        }
        boolean admin = user.getRole() == Role.ADMIN;
        List<RegionView> regionChoices = new ArrayList<>();
        for (RegionView district : regions.within(user.scope(), RegionLevel.DISTRICT)) {
            regionChoices.add(district);
            regionChoices.addAll(regions.within(district.scope(), RegionLevel.STREET));
        }
        model.addAttribute("frame", frame);
        model.addAttribute("sections", sections);
        model.addAttribute("regionChoices", regionChoices);
        model.addAttribute("cityChoice", admin);
        model.addAttribute("manage", admin || user.getRole() == Role.DISTRICT_STAFF);
        model.addAttribute("earliestMonth", today.getDayOfMonth() == 1 ? YearMonth.from(today)
                : YearMonth.from(today).plusMonths(1));
        model.addAttribute("today", today);
        return VIEW;
    }

    /** A new version's form: the city's current amounts and settings to start from (or the table's defaults). */
    private Form blank(RateTable table, List<RateVersion> versions) {
        Optional<RateVersion> city = versions.stream().filter(v -> v.regionCode() == null && v.current()).findFirst();
        Map<String, String> amounts = new LinkedHashMap<>();
        for (String key : table.keys()) {
            amounts.put(key, city.map(v -> v.amount(key)).map(a -> a.toPlainString()).orElse(""));
        }
        return new Form("", "", amounts, city.map(RateVersion::choices).orElse(table.defaultChoices()));
    }

    private static Form form(RateTable table, MultiValueMap<String, String> params) {
        Map<String, String> amounts = new LinkedHashMap<>();
        for (String key : table.keys()) {
            String value = params.getFirst("amount." + key);
            amounts.put(key, value == null ? "" : value.length() > 20 ? value.substring(0, 20) : value);
        }
        List<String> choices = params.getOrDefault("choices", List.of()).stream().limit(20).toList();
        String region = params.getFirst("region");
        String from = params.getFirst("from");
        return new Form(region == null ? "" : region, from == null ? "" : from, amounts, choices);
    }

    private static YearMonth month(String text) {
        if (text == null || !text.strip().matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
