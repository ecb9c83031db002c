package org.yinling.meal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.elder.ElderScope;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;
import org.yinling.system.RequestDates;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.TitledSheet;
import org.yinling.system.Uploads;

/** {@code /meal-points}: the registry, the counter where meals are recorded, and the monthly settlement. */
@Controller
@RequestMapping("/meal-points")
class MealPointController {

    private final MealPointStore points;
    private final MealCounter counter;
    private final MealSettlements settlements;
    private final MealImport imports;
    private final ElderScope elderScope;
    private final org.springframework.context.MessageSource messages;
    private final Regions regions;
    private final MealPoints service;
    private final Clock clock;

    MealPointController(MealPointStore points, MealCounter counter, MealSettlements settlements, MealImport imports,
                        org.springframework.context.MessageSource messages, ElderScope elderScope, Regions regions,
                        MealPoints service, Clock clock) {
        this.elderScope = elderScope;
        this.messages = messages;
        this.imports = imports;
        this.settlements = settlements;
        this.points = points;
        this.counter = counter;
        this.regions = regions;
        this.service = service;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("points", points.list(user.scope()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("regionNames", regions.allNames());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MealPointForm.blank());
        }
        model.addAttribute("kinds", MealPointKind.values());
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        return "meals/list";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") MealPointForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // create() adds the rules to Bean Validation's errors, so the user sees all problems at once
        Optional<Long> id = service.create(form, user, errors);
        if (id.isEmpty()) {
            return list(user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "meal.point.created");
        return "redirect:/meal-points/" + id.get();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("point", point);
        model.addAttribute("licensed", point.licensedOn(today));
        model.addAttribute("daily", points.dailyCounts(id, today, 14));
        model.addAttribute("monthly", points.monthlyCounts(id, today));
        model.addAttribute("communityPath", regions.path(point.communityCode()));
        model.addAttribute("thisMonth", YearMonth.from(today).toString());
        model.addAttribute("served", points.served(id));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("regionNames", regions.allNames());
        return "meals/detail";
    }

    /** Which communities of the region a meal point serves, and which not, the unserved with most elders 80+ first. */
    @GetMapping("/coverage")
    String coverage(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<MealPointStore.Coverage> coverage = points.coverage(user.scope(), LocalDate.now(clock));
        model.addAttribute("coverage", coverage);
        model.addAttribute("servedCount", coverage.stream().filter(MealPointStore.Coverage::served).count());
        model.addAttribute("regionNames", regions.allNames());
        return "meals/coverage";
    }

    @PostMapping("/{id}/served")
    String addServed(@PathVariable long id, @RequestParam(defaultValue = "") String communityCode,
                     @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        boolean valid = service.addServed(load(id, user), communityCode, user);
        redirect.addFlashAttribute(valid ? "flashSuccess" : "flashError", valid ? "meal.served.added" : "institution.community.invalid");
        return "redirect:/meal-points/" + id;
    }

    /** The elder page's meals card (htmx); 404 outside the user's region. */
    @GetMapping("/elders/{elderId}/meals")
    String mealsOfElder(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        elderScope.requireVisible(elderId, user.scope());
        model.addAttribute("meals", points.mealsOf(elderId, 20));
        return "meals/elder-meals :: meals";
    }

    /** The counter page: one search field, the day's meals. */
    @GetMapping("/{id}/meals")
    String counterPage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        model.addAttribute("point", point);
        model.addAttribute("served", counter.today(id, LocalDate.now(clock)));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("defaultMeal", defaultMeal(point));
        return "meals/counter";
    }

    /** The meal an Enter records: lunch until 15:00 where the point serves it, else dinner (the clerk may change it). */
    private MealKind defaultMeal(MealPoint point) {
        boolean afternoon = java.time.LocalTime.now(clock).getHour() >= 15;
        return (afternoon && point.servesDinner()) || !point.servesLunch() ? MealKind.DINNER : MealKind.LUNCH;
    }

    /**
     * Enter in the search box (an ID-card reader types the number and presses Enter): a whole ID (18 or 15 digits)
     * that matches exactly one active elder of the region records the chosen meal at once; anything else shows the
     * matches to click. The answer is the day's list with the matches swapped in beside it (htmx, out of band).
     */
    @PostMapping("/{id}/meals/scan")
    String scan(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "LUNCH") MealKind meal, @RequestParam(defaultValue = "EAT_IN") MealMode mode,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        LocalDate today = LocalDate.now(clock);
        List<MealCounter.Found> found = counter.find(q, point.communityCode(), user.scope(), today);
        boolean wholeId = org.yinling.elder.ElderTextSearch.of(q)
                .map(s -> s.kind() == org.yinling.elder.ElderTextSearch.Kind.FULL_ID).orElse(false);
        model.addAttribute("point", point);
        model.addAttribute("regionNames", regions.allNames());
        if (wholeId && found.size() == 1) {
            recordMeal(point, found.get(0).id(), meal, mode, user, today, model);
            model.addAttribute("found", null);
        } else {
            model.addAttribute("served", counter.today(id, today));
            model.addAttribute("found", q.isBlank() ? null : found);
            model.addAttribute("q", q);
            if (!q.isBlank()) {
                model.addAttribute("message", found.isEmpty() ? "meal.counter.none" : "meal.scan.choose");
                model.addAttribute("ok", false);
            }
        }
        return "meals/counter-scan :: scan";
    }

    /** Takes back one of today's meals with a reason (audited); the answer is the day's list with a message (htmx). */
    @PostMapping("/{id}/meals/{mealId}/undo")
    String undo(@PathVariable long id, @PathVariable long mealId, @RequestParam(defaultValue = "") String reason,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        LocalDate today = LocalDate.now(clock);
        boolean reasonOk = !reason.isBlank() && reason.strip().length() <= MealPoints.REASON_MAX;
        boolean undone = service.undo(point, mealId, reason, today).isPresent();
        model.addAttribute("point", point);
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("served", counter.today(id, today));
        model.addAttribute("message", undone ? "meal.undone" : !reasonOk ? "meal.undo.reason" : "meal.undo.missing");
        model.addAttribute("ok", undone);
        return "meals/counter :: served";
    }

    /** Search results while typing (htmx). */
    @GetMapping("/{id}/meals/search")
    String search(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        model.addAttribute("point", point);
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("found", q.isBlank() ? null : counter.find(q, point.communityCode(), user.scope(), LocalDate.now(clock)));
        model.addAttribute("q", q);
        return "meals/counter :: results";
    }

    /** One click records the meal; the answer is the day's list with a message (htmx) or the page. */
    @PostMapping("/{id}/meals")
    String record(@PathVariable long id, @RequestParam long elderId, @RequestParam MealKind meal,
                  @RequestParam MealMode mode, @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        model.addAttribute("point", point);
        model.addAttribute("regionNames", regions.allNames());
        recordMeal(point, elderId, meal, mode, user, LocalDate.now(clock), model);
        return "meals/counter :: served";
    }

    private void recordMeal(MealPoint point, long elderId, MealKind meal, MealMode mode, CurrentUser user,
                            LocalDate today, Model model) {
        boolean offered = meal == MealKind.LUNCH ? point.servesLunch() : point.servesDinner();
        boolean recorded = offered
                && counter.record(point, elderId, meal, mode, user.scope(), today, user.getUsername()).isPresent();
        model.addAttribute("served", counter.today(point.id(), today));
        model.addAttribute("message", recorded ? "meal.recorded" : !offered ? "meal.notOffered"
                : !MealCounter.openOn(point, today) ? "meal.notOpenYet" : "meal.duplicate");
        model.addAttribute("ok", recorded);
    }

    /** A day's meals from a sheet: all rows checked first; written only when every row is right. */
    @PostMapping("/{id}/meals/import")
    String importMeals(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                       @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        MealPoint point = load(id, user);
        if (file == null || file.isEmpty() || day == null || day.isAfter(LocalDate.now(clock))) {
            redirect.addFlashAttribute("flashError", "meal.import.invalid");
            return "redirect:/meal-points/" + id + "/meals";
        }
        java.nio.file.Path copy = Uploads.copyToTempFile(file, "meals");
        try {
            redirect.addFlashAttribute("importReport", imports.apply(point, day, copy,
                    Uploads.fileName(file.getOriginalFilename()), user.scope(), user.getUsername()));
        } catch (SpreadsheetException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            // "more than {0} rows": the message's arguments go with it
            redirect.addFlashAttribute("flashErrorArguments", e.arguments());
        } finally {
            Uploads.deleteQuietly(copy);
        }
        return "redirect:/meal-points/" + id + "/meals";
    }

    /** The month's settlement: meals by category at the rates, the operating subsidy if licensed, the total. */
    @GetMapping("/{id}/settlement")
    String settlement(@PathVariable long id, @RequestParam(required = false) String month,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        MealPoint point = load(id, user);
        YearMonth chosen = parse(month);
        MealSettlements.Settlement settlement = settlements.compute(point, chosen);
        model.addAttribute("point", point);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("settlement", settlement);
        model.addAttribute("lines", settlement.lines());
        model.addAttribute("meals", settlement.meals());
        model.addAttribute("licensed", settlement.licensed());
        model.addAttribute("operatingRate", settlement.operatingRate());
        model.addAttribute("operating", settlement.operating());
        model.addAttribute("total", settlement.total());
        model.addAttribute("confirmation", settlements.confirmation(id, chosen).orElse(null));
        model.addAttribute("confirmable", chosen.isBefore(YearMonth.now(clock)));
        return "meals/settlement";
    }

    /** The month's settlement as .xlsx: the same lines and totals as the page. */
    @GetMapping("/{id}/settlement.xlsx")
    void settlementXlsx(@PathVariable long id, @RequestParam(required = false) String month,
                        @AuthenticationPrincipal CurrentUser user, java.util.Locale locale,
                        jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        MealPoint point = load(id, user);
        YearMonth chosen = parse(month);
        MealSettlements.Settlement settlement = settlements.compute(point, chosen);
        service.settlementExported(point, chosen);
        Uploads.xlsxAttachment(response, "meal-settlement-" + chosen + ".xlsx");
        java.util.List<String> heads = java.util.stream.Stream.of("meal.settlement.category",
                        "meal.settlement.meals", "meal.settlement.rate", "payment.amount")
                .map(key -> messages.getMessage(key, null, key, locale)).toList();
        // a title row (which point, its community, which month) over the column heads, as the project's other workbooks
        String title = messages.getMessage("sheets.mealSettlement.title", new Object[] {point.name(),
                regions.allNames().getOrDefault(point.communityCode(), ""), chosen.toString()}, locale);
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        for (MealPointStore.SettlementLine line : settlement.lines()) {
            rows.add(java.util.List.of(line.category() == null ? messages.getMessage("meal.category.none", null, locale) : line.category().name(locale), line.meals(),
                    line.rate(), line.amount()));
        }
        rows.add(java.util.List.of(messages.getMessage("meal.settlement.operating", null, locale), settlement.meals(),
                settlement.licensed() ? settlement.operatingRate() : BigDecimal.ZERO, settlement.operating()));
        rows.add(java.util.List.of(messages.getMessage("meal.settlement.total", null, locale), settlement.meals(), "",
                settlement.total()));
        // the sheet's name is made safe for Excel (a point's name may have : / \ ? * [ ] or be too long)
        TitledSheet.of(title, heads, 24, 10, 16, 14).format(TitledSheet.COUNT, 1).format(TitledSheet.MONEY, 2, 3)
                .write(response.getOutputStream(), point.name() + " " + chosen, rows);
    }

    @PostMapping("/{id}/settlement/confirm")
    String confirm(@PathVariable long id, @RequestParam String month, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        MealPoint point = load(id, user);
        YearMonth chosen = parse(month);
        boolean done = settlements.confirm(point, chosen, user.getUsername());
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "meal.settlement.confirmed" : "meal.settlement.notConfirmable");
        return "redirect:/meal-points/" + id + "/settlement?month=" + chosen;
    }

    private YearMonth parse(String month) {
        // yyyy-MM only: YearMonth.parse also takes -999999999-01, which the settlement's date arithmetic refuses
        return RequestDates.month(month).orElseGet(() -> YearMonth.now(clock));
    }

    private MealPoint load(long id, CurrentUser user) {
        return points.find(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
