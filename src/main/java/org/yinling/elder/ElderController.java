package org.yinling.elder;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;
import org.yinling.system.Uploads;

/** The registry pages: search, detail, entry and correction, death and move-out. */
@Controller
@RequestMapping("/elders")
class ElderController {

    static final String LIST_VIEW = "elders/list";
    static final String DETAIL_VIEW = "elders/detail";
    static final String FORM_VIEW = "elders/form";
    static final String UNDO_VIEW = "elders/undo-status";
    static final String EXPORT_PURPOSE_VIEW = "elders/export-purpose";
    static final int PURPOSE_LENGTH = 200;
    private static final int HISTORY_SIZE = 20;

    private final ElderService service;
    private final ElderQueries queries;
    private final AssessmentStore assessments;
    private final ElderChangeHistory changeHistory;
    private final Regions regions;
    private final ElderExporter exporter;
    private final MessageSource messages;
    private final Clock clock;
    private final ElderCards cards;

    ElderController(ElderService service, ElderQueries queries, AssessmentStore assessments,
                    ElderChangeHistory changeHistory, Regions regions, ElderExporter exporter,
                    MessageSource messages, ElderCards cards, Clock clock) {
        this.clock = clock;
        this.cards = cards;
        this.exporter = exporter;
        this.messages = messages;
        this.service = service;
        this.queries = queries;
        this.assessments = assessments;
        this.changeHistory = changeHistory;
        this.regions = regions;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("livingArrangements", Arrays.asList(LivingArrangement.values()));
        model.addAttribute("economicStatuses", Arrays.asList(EconomicStatus.values()));
        model.addAttribute("lifeStatuses", Arrays.asList(LifeStatus.values()));
        model.addAttribute("capabilityLevels", Arrays.asList(CapabilityLevel.values()));
        model.addAttribute("disabilityCategories", Arrays.asList(DisabilityCategory.values()));
        model.addAttribute("disabilityLevels", ElderForm.DISABILITY_LEVELS);
    }

    @GetMapping
    String list(ElderSearch search, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("elders", queries.search(search, user.scope()));
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("sorts", List.of("newest", "name", "oldest", "youngest"));
        model.addAttribute("mayExportFullIds", user.seesFullPersonalData());
        return LIST_VIEW;
    }

    /**
     * The search as .xlsx, streamed; the file name carries the date. An export with full resident IDs (for a user who
     * gets them) first asks what they are for: the purpose goes into the export's audit row.
     */
    @GetMapping("/export")
    String export(ElderSearch search, @RequestParam(defaultValue = "false") boolean fullIds,
                  @RequestParam(required = false) String purpose, @AuthenticationPrincipal CurrentUser user,
                  Locale locale, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        String stated = purpose == null ? "" : purpose.strip();
        if (fullIds && user.seesFullPersonalData() && (stated.isEmpty() || stated.length() > PURPOSE_LENGTH)) {
            List<String[]> carried = new java.util.ArrayList<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("purpose") && !name.equals("fullIds")) {
                    for (String value : values) {
                        carried.add(new String[] {name, value});
                    }
                }
            });
            model.addAttribute("carried", carried);
            model.addAttribute("purpose", stated);
            model.addAttribute("purposeError", purpose == null ? null
                    : stated.isEmpty() ? "elder.export.purpose.required" : "elder.export.purpose.tooLong");
            model.addAttribute("purposeLength", PURPOSE_LENGTH);
            return EXPORT_PURPOSE_VIEW;
        }
        String fileName = messages.getMessage("elder.export.fileName", new Object[] {LocalDate.now(clock)}, locale);
        // the download starts (headers, first byte) only after the export's audit row is committed
        exporter.export(search, fullIds, stated.isEmpty() ? null : stated, user, locale, () -> {
            Uploads.xlsxAttachment(response, fileName);
            return response.getOutputStream();
        });
        return null;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Elder elder = service.view(id, user);
        model.addAttribute("elder", ElderDetails.of(elder, clock, user));
        model.addAttribute("communityPath", regions.path(elder.getCommunityCode()));
        model.addAttribute("assessments", assessments.history(id));
        model.addAttribute("changes", changeHistory.of(id, HISTORY_SIZE, user));
        model.addAttribute("cards", cards.visibleTo(user));
        model.addAttribute("mayUndoStatus", service.mayUndoLifeStatus(elder, user));
        if (!model.containsAttribute("lifeStatusForm")) {
            model.addAttribute("lifeStatusForm", new LifeStatusForm(null, ""));
        }
        return DETAIL_VIEW;
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        String defaultCommunity = user.getRegionLevel() == RegionLevel.COMMUNITY ? user.getRegionCode() : "";
        return showForm(ElderForm.blank(defaultCommunity), null, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ElderForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ElderService.RegistrationResult result = service.register(form, errors, user);
        if (result.createdId().isEmpty()) {
            model.addAttribute("existingId", result.existingId().orElse(null));
            return showForm(form, null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "elder.created");
        return "redirect:/elders/" + result.createdId().get();
    }

    /** The edit form shows the full record (ID, phones, contacts), so opening it is an audited view like the detail page. */
    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Elder elder = service.viewForEdit(id, user);
        return showForm(ElderForm.of(elder), elder, user, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ElderForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Elder elder = service.load(id, user);
        if (!service.update(id, form, errors, user)) {
            return showForm(form, elder, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "elder.updated");
        return "redirect:/elders/" + id;
    }

    /** Death ({@code deceased}) or move-out ({@code moved-out}): same form, same rules, different status. */
    @PostMapping("/{id}/{change:deceased|moved-out}")
    String changeLifeStatus(@PathVariable long id, @PathVariable String change,
                            @Valid @ModelAttribute("lifeStatusForm") LifeStatusForm form, BindingResult errors,
                            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        boolean deceased = change.equals("deceased");
        if (!service.changeLifeStatus(id, deceased ? LifeStatus.DECEASED : LifeStatus.MOVED_OUT, form, errors, user)) {
            return lifeStatusRefused(id, errors, user, model, redirect);
        }
        redirect.addFlashAttribute("flashSuccess", deceased ? "elder.deceased.done" : "elder.movedOut.done");
        return "redirect:/elders/" + id;
    }

    /**
     * The confirmation before a recorded death or move-out is taken back: what it recorded and what undoing takes
     * back (stopped entitlements, recoveries, home-care budgets), with a reason to give.
     */
    @GetMapping("/{id}/undo-status")
    String undoStatusPage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        if (!model.containsAttribute("undoForm")) {
            model.addAttribute("undoForm", new UndoLifeStatusForm(""));
        }
        return showUndo(id, user, model, redirect);
    }

    @PostMapping("/{id}/undo-status")
    String undoStatus(@PathVariable long id, @Valid @ModelAttribute("undoForm") UndoLifeStatusForm form,
                      BindingResult errors, @AuthenticationPrincipal CurrentUser user, Model model,
                      RedirectAttributes redirect) {
        if (!service.undoLifeStatus(id, form, errors, user)) {
            if (errors.hasGlobalErrors()) {
                redirect.addFlashAttribute("flashError", errors.getGlobalError().getCode());
                return "redirect:/elders/" + id;
            }
            return showUndo(id, user, model, redirect);
        }
        redirect.addFlashAttribute("flashSuccess", "elder.undo.done");
        return "redirect:/elders/" + id;
    }

    private String showUndo(long id, CurrentUser user, Model model, RedirectAttributes redirect) {
        Elder elder = service.loadForUndo(id, user);
        if (!service.mayUndoLifeStatus(elder, user)) {
            redirect.addFlashAttribute("flashError", "elder.undo.notAllowed");
            return "redirect:/elders/" + id;
        }
        model.addAttribute("elder", ElderDetails.of(elder, clock, user));
        model.addAttribute("communityPath", regions.path(elder.getCommunityCode()));
        model.addAttribute("consequences", service.undoPreview(elder));
        return UNDO_VIEW;
    }

    /** Field errors show on the detail page's form; a refusal of the whole action (no longer active) as a message. */
    private String lifeStatusRefused(long id, BindingResult errors, CurrentUser user, Model model,
                                     RedirectAttributes redirect) {
        if (errors.hasGlobalErrors()) {
            redirect.addFlashAttribute("flashError", errors.getGlobalError().getCode());
            return "redirect:/elders/" + id;
        }
        return detail(id, user, model);
    }

    private String showForm(ElderForm form, Elder elder, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("elder", elder == null ? null : ElderDetails.of(elder, clock, user));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("regionNames", regions.allNames());
        return FORM_VIEW;
    }
}
