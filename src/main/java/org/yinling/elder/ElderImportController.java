package org.yinling.elder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.system.Paging;
import org.yinling.system.Uploads;

/** Spreadsheet import of elders: template, upload, progress, report, confirmation, history. */
@Controller
@RequestMapping("/elders")
class ElderImportController {

    static final String UPLOAD_VIEW = "elders/import";
    static final String REPORT_VIEW = "elders/import-report";
    static final String PROGRESS_VIEW = "elders/import-report :: progress";
    static final String HISTORY_VIEW = "elders/imports";
    private static final int PROBLEMS_SHOWN = 200;
    private static final int HISTORY_PAGE = 20;
    private static final int PREVIEW_PAGE = 20;

    private final ElderImportService imports;
    private final ElderImportStore store;
    private final ImportWorkbooks workbooks;
    private final long maxBytes;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ElderImportController(ElderImportService imports, ElderImportStore store, ImportWorkbooks workbooks,
                          MessageSource messages, java.time.Clock clock,
                          @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize) {
        this.messages = messages;
        this.clock = clock;
        this.maxBytes = maxFileSize.toBytes();
        this.imports = imports;
        this.store = store;
        this.workbooks = workbooks;
    }

    @GetMapping("/import")
    String uploadForm(Model model) {
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute("maxBytes", maxBytes);
        model.addAttribute("modes", List.of(ImportMode.values()));
        return UPLOAD_VIEW;
    }

    @GetMapping("/import/template")
    void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        Uploads.xlsxAttachment(response, messages.getMessage("import.template.fileName", null, locale));
        workbooks.template(user.scope(), locale, response.getOutputStream());
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "SKIP") ImportMode mode,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "import.file.missing");
            return "redirect:/elders/import";
        }
        long id;
        try {
            id = imports.start(file, mode, user);
        }
        catch (ImportsBusyException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/elders/import";
        }
        return "redirect:/elders/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String report(@PathVariable long id, @RequestParam(required = false) Integer page,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        ElderImport elderImport = imports.get(id, user);
        model.addAttribute("import", elderImport);
        if (elderImport.validated() || "IMPORTED".equals(elderImport.state())) {
            // the rows about to be added or changed, a page at a time (IDs masked, as in the lists)
            PageRequest pageable = Paging.of(page, PREVIEW_PAGE);
            model.addAttribute("preview", new PageImpl<>(store.preview(id, PREVIEW_PAGE, pageable.getOffset(),
                    java.time.LocalDate.now(clock)), pageable,
                    (long) elderImport.newCount() + elderImport.updateCount()));
        }
        model.addAttribute("problems", elderImport.validated() || "IMPORTED".equals(elderImport.state())
                ? store.problems(id, PROBLEMS_SHOWN) : List.of());
        model.addAttribute("problemsShown", PROBLEMS_SHOWN);
        return REPORT_VIEW;
    }

    /** Polled by htmx while the file is read; once it is read, tells htmx to reload the whole report. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
                    HttpServletResponse response) {
        ElderImport elderImport = imports.get(id, user);
        if (!elderImport.reading()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("import", elderImport);
        return PROGRESS_VIEW;
    }

    @GetMapping("/imports/{id}/errors")
    void errors(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
                HttpServletResponse response) throws IOException {
        imports.downloadErrors(id, user);
        Uploads.xlsxAttachment(response, "elder-import-" + id + "-errors.xlsx");
        workbooks.errors(id, user, locale, response.getOutputStream());
    }

    @PostMapping("/imports/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        boolean done = imports.confirm(id, user);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "import.confirmed" : "import.notWaiting");
        return "redirect:/elders/imports/" + id;
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        boolean done = imports.cancel(id, user);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "import.cancelled" : "import.notWaiting");
        return "redirect:/elders/imports/" + id;
    }

    @GetMapping("/imports")
    String history(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user,
                   Model model) {
        PageRequest pageable = Paging.of(page, HISTORY_PAGE);
        model.addAttribute("imports", new PageImpl<>(store.history(user.scope(), HISTORY_PAGE, pageable.getOffset()),
                pageable, store.historyCount(user.scope())));
        return HISTORY_VIEW;
    }
}
