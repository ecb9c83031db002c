package org.yinling.payment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.Regions;
import org.yinling.system.Paging;
import org.yinling.system.RequestDates;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.Uploads;

/** {@code /payments/batches}: district staff generate, check, approve, export and settle the month's payments. */
@Controller
@RequestMapping("/payments/batches")
class BatchController {

    private static final int PAGE_SIZE = 20;
    private static final int LINE_PAGE_SIZE = 50;

    private final BatchStore batches;
    private final BatchService service;
    private final LineQueries lines;
    private final BankList bankList;
    private static final String RECEIPT = "payment.receipt.";
    static final String RECEIPT_VIEW = "payments/receipt-confirm";

    private final ReceiptImport receipts;
    private final Regions regions;
    private final Clock clock;

    BatchController(BatchStore batches, BatchService service, LineQueries lines, BankList bankList,
                    ReceiptImport receipts, Regions regions, Clock clock) {
        this.clock = clock;
        this.batches = batches;
        this.service = service;
        this.lines = lines;
        this.bankList = bankList;
        this.receipts = receipts;
        this.regions = regions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        String scope = user.scope().likePattern();
        int number = Paging.page(page);
        Page<PaymentBatch> result = new PageImpl<>(batches.list(scope, PAGE_SIZE, number * PAGE_SIZE),
                PageRequest.of(number, PAGE_SIZE), batches.count(scope));
        model.addAttribute("batches", result);
        model.addAttribute("nextMonth", YearMonth.now(clock).plusMonths(1).toString());
        model.addAttribute("regionNames", regions.allNames());
        return "payments/batches";
    }

    @PostMapping
    String create(@RequestParam(required = false) String month, @RequestParam(defaultValue = "false") boolean carryFailed,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        YearMonth parsed = RequestDates.month(month).orElse(null);
        YearMonth now = YearMonth.now(clock);
        if (parsed == null || parsed.isBefore(now.minusMonths(12)) || parsed.isAfter(now.plusMonths(1))) {
            redirect.addFlashAttribute("flashError", "payment.month.invalid");
            return "redirect:/payments/batches";
        }
        BatchService.Creation creation = service.create(parsed.atDay(1), carryFailed, user);
        redirect.addFlashAttribute(creation.created() ? "flashSuccess" : "flashError",
                creation.created() ? "payment.batch.created" : "payment.batch.exists");
        return "redirect:/payments/batches/" + creation.batchId();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) LineStatus status,
                  @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        PaymentBatch batch = load(id, user);
        int number = Paging.page(page);
        String all = "%";
        model.addAttribute("batch", batch);
        model.addAttribute("lines", new PageImpl<>(lines.page(id, all, status, LINE_PAGE_SIZE, number * LINE_PAGE_SIZE),
                PageRequest.of(number, LINE_PAGE_SIZE), lines.count(id, all, status)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", LineStatus.values());
        model.addAttribute("payeeLines", lines.payeeLines(id));
        model.addAttribute("withheld", lines.withheld(id));
        model.addAttribute("byStatus", lines.totalsByStatus(id));
        model.addAttribute("preparedBy", lines.displayName(batch.generatedBy()));
        model.addAttribute("approvedBy", lines.displayName(batch.approvedBy()));
        model.addAttribute("byPolicy", lines.totalsByPolicy(id));
        model.addAttribute("byStreet", lines.totalsByStreet(id));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("mayApprove", batch.state() == BatchState.GENERATED
                && !batch.generatedBy().equals(user.getUsername()));
        return "payments/batch";
    }

    /** The residents behind an institution's operating-subsidy line. */
    @GetMapping("/{id}/payee-lines/{lineId}")
    String payeeLine(@PathVariable long id, @PathVariable long lineId, @AuthenticationPrincipal CurrentUser user,
                           Model model) {
        PaymentBatch batch = load(id, user);
        LineQueries.PayeeLine line = lines.payeeLines(id).stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("batch", batch);
        model.addAttribute("line", line);
        model.addAttribute("residents", lines.residents(id, lineId));
        return "payments/payee-line";
    }

    /** The progress card alone, polled by the page while the batch is generating. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("batch", load(id, user));
        return "payments/batch :: progress";
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        PaymentBatch batch = load(id, user);
        if (batch.state() == BatchState.GENERATING) {
            service.resume(id);
        }
        return "redirect:/payments/batches/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        PaymentBatch batch = load(id, user);
        boolean done = batch.lockVersion() == version && service.discard(batch, user);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "payment.batch.discarded" : "payment.batch.changed");
        return done ? "redirect:/payments/batches" : "redirect:/payments/batches/" + id;
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        PaymentBatch batch = load(id, user);
        BatchService.ApprovalResult result = batch.lockVersion() != version ? BatchService.ApprovalResult.CHANGED
                : service.approve(batch, user);
        redirect.addFlashAttribute(result == BatchService.ApprovalResult.APPROVED ? "flashSuccess" : "flashError",
                switch (result) {
                    case APPROVED -> "payment.batch.approved";
                    case SAME_PERSON -> "payment.batch.approveSamePerson";
                    case CHANGED -> "payment.batch.changed";
                });
        return "redirect:/payments/batches/" + id;
    }

    @GetMapping("/{id}/bank-list.xlsx")
    void exportXlsx(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
                    HttpServletResponse response) throws IOException {
        PaymentBatch batch = exportable(id, user);
        // the export is committed with its audit row before the list's first byte goes out
        service.exported(batch, "xlsx", user);
        Uploads.xlsxAttachment(response, "bank-list-" + batch.month().toString().substring(0, 7) + ".xlsx");
        bankList.xlsx(batch, locale, response.getOutputStream());
    }

    @GetMapping("/{id}/bank-list.csv")
    void exportCsv(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
                   HttpServletResponse response) throws IOException {
        PaymentBatch batch = exportable(id, user);
        service.exported(batch, "csv", user);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("bank-list-" + batch.month().toString().substring(0, 7) + ".csv", StandardCharsets.UTF_8)
                .build().toString());
        bankList.csv(batch, locale, response.getOutputStream());
    }

    /** The printable summary for signing: totals per policy and street, and signature lines. */
    @GetMapping("/{id}/summary")
    String summary(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        PaymentBatch batch = load(id, user);
        model.addAttribute("batch", batch);
        model.addAttribute("byPolicy", lines.totalsByPolicy(id));
        model.addAttribute("byStreet", lines.totalsByStreet(id));
        model.addAttribute("withheld", lines.withheld(id));
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("preparedBy", lines.displayName(batch.generatedBy()));
        model.addAttribute("approvedBy", lines.displayName(batch.approvedBy()));
        return "payments/summary";
    }

    /**
     * The bank's receipt, step one: read and counted, nothing applied; the confirmation page shows how many lines it
     * marks paid and failed and what it skips. The upload waits (a temporary file named in the session) for step two.
     */
    @PostMapping("/{id}/receipt")
    String receipt(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                   @AuthenticationPrincipal CurrentUser user, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        PaymentBatch batch = load(id, user);
        if (batch.state() != BatchState.EXPORTED) {
            redirect.addFlashAttribute("flashError", "payment.receipt.notExported");
            return "redirect:/payments/batches/" + id;
        }
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "import.file.missing");
            return "redirect:/payments/batches/" + id;
        }
        discard(session, id);
        Path copy = Uploads.copyToTempFile(file, "receipt");
        String fileName = Uploads.fileName(file.getOriginalFilename());
        try {
            model.addAttribute("preview", receipts.preview(batch, copy, fileName));
        } catch (SpreadsheetException e) {
            Uploads.deleteQuietly(copy);
            redirect.addFlashAttribute("flashError", e.messageKey());
            // "more than {0} rows": the message's arguments go with it
            redirect.addFlashAttribute("flashErrorArguments", e.arguments());
            return "redirect:/payments/batches/" + id;
        }
        session.setAttribute(RECEIPT + id, new PendingReceipt(copy.toString(), fileName));
        model.addAttribute("batch", batch);
        model.addAttribute("fileName", fileName);
        return RECEIPT_VIEW;
    }

    /** Step two: the receipt counted on the confirmation page is applied. */
    @PostMapping("/{id}/receipt/confirm")
    String confirmReceipt(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpSession session,
                          RedirectAttributes redirect) {
        PaymentBatch batch = load(id, user);
        if (!(session.getAttribute(RECEIPT + id) instanceof PendingReceipt pending)
                || !Files.isRegularFile(Path.of(pending.path()))) {
            redirect.addFlashAttribute("flashError", "payment.receipt.expired");
            return "redirect:/payments/batches/" + id;
        }
        if (batch.state() != BatchState.EXPORTED) {
            discard(session, id);
            redirect.addFlashAttribute("flashError", "payment.receipt.notExported");
            return "redirect:/payments/batches/" + id;
        }
        try {
            redirect.addFlashAttribute("receipt", receipts.apply(batch, Path.of(pending.path()), pending.fileName()));
        } catch (SpreadsheetException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashErrorArguments", e.arguments());
        } finally {
            discard(session, id);
        }
        return "redirect:/payments/batches/" + id;
    }

    @PostMapping("/{id}/receipt/cancel")
    String cancelReceipt(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpSession session,
                         RedirectAttributes redirect) {
        load(id, user);
        discard(session, id);
        redirect.addFlashAttribute("flashSuccess", "payment.receipt.cancelled");
        return "redirect:/payments/batches/" + id;
    }

    private static void discard(HttpSession session, long id) {
        if (session.getAttribute(RECEIPT + id) instanceof PendingReceipt pending) {
            Uploads.deleteQuietly(Path.of(pending.path()));
        }
        session.removeAttribute(RECEIPT + id);
    }

    /** An uploaded receipt waiting for its confirmation: the temporary file and the name it was uploaded as. */
    record PendingReceipt(String path, String fileName) implements java.io.Serializable {
    }

    private PaymentBatch exportable(long id, CurrentUser user) {
        PaymentBatch batch = load(id, user);
        if (batch.state() != BatchState.APPROVED && batch.state() != BatchState.EXPORTED
                && batch.state() != BatchState.SETTLED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return batch;
    }

    private PaymentBatch load(long id, CurrentUser user) {
        return batches.find(id, user.scope().likePattern())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
