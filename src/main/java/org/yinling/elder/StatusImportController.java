package org.yinling.elder;

import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.yinling.system.SpreadsheetException;

/** Records from other agencies: upload a list, review how it matched, confirm or cancel it, and the history. */
@Controller
@RequestMapping("/elders/status-imports")
class StatusImportController {

    static final String HISTORY_VIEW = "elders/status-imports";
    static final String UPLOAD_VIEW = "elders/status-import-form";
    static final String REVIEW_VIEW = "elders/status-import";
    private static final String BASE = "/elders/status-imports";

    private final StatusImportService service;
    private final StatusImportQueries queries;

    StatusImportController(StatusImportService service, StatusImportQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", StatusImportKind.fileKinds());
        model.addAttribute("outcomes", Arrays.asList(StatusImportOutcome.values()));
        model.addAttribute("maxRows", StatusImportService.MAX_ROWS);
    }

    @GetMapping
    String history(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user,
                   Model model) {
        model.addAttribute("lists", queries.history(user.scope(), page));
        return HISTORY_VIEW;
    }

    @GetMapping("/new")
    @PreAuthorize(StatusImportService.UPLOADERS)
    String uploadForm(Model model) {
        model.addAttribute("form", StatusImportForm.blank());
        return UPLOAD_VIEW;
    }

    @PostMapping
    @PreAuthorize(StatusImportService.UPLOADERS)
    String upload(@Valid @ModelAttribute("form") StatusImportForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (form.kind() != null && !form.kind().fromFiles()) {
            // the kinds only the API reports: no choice of the page sends them
            errors.rejectValue("kind", "statusImport.kind.notFromFiles");
        }
        if (form.file() == null || form.file().isEmpty()) {
            errors.rejectValue("file", "statusImport.file.required");
        }
        if (errors.hasErrors()) {
            return UPLOAD_VIEW;
        }
        try {
            long id = service.upload(form.kind(), form.file(), user);
            redirect.addFlashAttribute("flashSuccess", "statusImport.uploaded");
            return "redirect:" + BASE + "/" + id;
        }
        catch (SpreadsheetException e) {
            errors.rejectValue("file", e.messageKey(), e.arguments(), null);
            return UPLOAD_VIEW;
        }
    }

    @GetMapping("/{id}")
    String review(@PathVariable long id, @RequestParam(required = false) StatusImportOutcome outcome,
                  @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user,
                  Model model) {
        StatusImportSummary list = queries.find(id, user.scope()).orElseThrow(StatusImportNotFoundException::new);
        model.addAttribute("list", list);
        model.addAttribute("outcome", outcome);
        model.addAttribute("rows", queries.rows(id, outcome, user.scope(), page));
        return REVIEW_VIEW;
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return decided(id, service.confirm(id, user), "statusImport.confirmed", redirect);
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return decided(id, service.cancel(id, user), "statusImport.cancelled", redirect);
    }

    private static String decided(long id, Optional<String> refusal, String doneKey, RedirectAttributes redirect) {
        if (refusal.isPresent()) {
            redirect.addFlashAttribute("flashError", refusal.get());
        }
        else {
            redirect.addFlashAttribute("flashSuccess", doneKey);
        }
        return "redirect:" + BASE + "/" + id;
    }
}
