package org.yinling.subsidy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/** Applications: the list, registration by the community, the detail page with its decisions and documents. */
@Controller
@RequestMapping("/subsidies/applications")
class ApplicationController {

    static final String LIST_VIEW = "subsidies/applications/list";
    static final String FORM_VIEW = "subsidies/applications/form";
    static final String DETAIL_VIEW = "subsidies/applications/detail";
    static final String CORRECT_VIEW = "subsidies/applications/correct";
    static final String APPROVAL_FORM_VIEW = "subsidies/applications/approval-form";

    private final ApplicationService service;
    private final ApplicationStore store;
    private final EntitlementStore entitlements;
    private final Regions regions;

    private final ReviewQueue reviewQueue;
    private final PayeeImport payeeImport;

    ApplicationController(ApplicationService service, ApplicationStore store, EntitlementStore entitlements,
                          Regions regions, ReviewQueue reviewQueue, PayeeImport payeeImport) {
        this.payeeImport = payeeImport;
        this.reviewQueue = reviewQueue;
        this.service = service;
        this.store = store;
        this.entitlements = entitlements;
        this.regions = regions;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("stages", Arrays.asList(ApplicationStage.values()));
        model.addAttribute("sources", Arrays.asList(ApplicationSource.values()));
        model.addAttribute("documentTypes", Arrays.asList(DocumentType.values()));
        model.addAttribute("maxFileBytes", AttachmentFiles.MAX_BYTES);
    }

    @GetMapping
    String list(ApplicationSearch search, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("applications", store.search(search, user.scope()));
        model.addAttribute("policyChoices", store.policyChoices(user.scope()));
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("regionNames", regions.allNames());
        return LIST_VIEW;
    }

    /**
     * Payee accounts for open applications without one, from a sheet keyed by resident ID (免申即享 backlog): all rows
     * checked first, nothing written when one is wrong; the report (per-row reasons) is shown on the list.
     */
    @PostMapping("/payees/import")
    String importPayees(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CurrentUser user,
                        RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "payee.import.noFile");
            return "redirect:/subsidies/applications";
        }
        java.nio.file.Path copy = org.yinling.system.Uploads.copyToTempFile(file, "payees");
        try {
            redirect.addFlashAttribute("payeeReport", payeeImport.apply(copy,
                    org.yinling.system.Uploads.fileName(file.getOriginalFilename()), user.scope(), user.getUsername()));
        } catch (org.yinling.system.SpreadsheetException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashErrorArguments", e.arguments());
        } finally {
            org.yinling.system.Uploads.deleteQuietly(copy);
        }
        return "redirect:/subsidies/applications";
    }

    /** The registration form: pick the elder (by name or ID suffix, or from the elder page), then the policy. */
    @GetMapping("/new")
    String createForm(@RequestParam(required = false) Long elderId, @RequestParam(required = false) String q,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        requireClerk(user);
        return showForm(ApplicationForm.blank(elderId), q, null, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        requireClerk(user);
        ApplicationService.Registration result = service.register(form, file, errors, user);
        if (result.createdId() == null) {
            return showForm(form, null, result.explanation(), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "application.created");
        return "redirect:/subsidies/applications/" + result.createdId();
    }

    private String showForm(ApplicationForm form, String q, ApplicationExplanation refusal, CurrentUser user,
                            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("q", q);
        model.addAttribute("found", store.findElders(q, user.scope()));
        ApplicationElder elder = form.elderId() == null ? null
                : store.elder(form.elderId(), user.scope()).orElse(null);
        model.addAttribute("elder", elder);
        model.addAttribute("policies", elder == null ? List.of() : service.availablePolicies(elder));
        model.addAttribute("refusal", refusal);
        model.addAttribute("regionNames", regions.allNames());
        return FORM_VIEW;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ApplicationRecord application = service.view(id, user);
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", DecisionForm.blank(application.lockVersion()));
        }
        if (!model.containsAttribute("attachmentForm")) {
            model.addAttribute("attachmentForm", AttachmentForm.blank());
        }
        return showDetail(application, user, model);
    }

    /**
     * The application and approval form (审批表) to print and sign: the applicant, the eligibility table, each stage's
     * decision with the decider's name and date, and boxes for signatures and stamps (issue 20 §3).
     */
    @GetMapping("/{id}/form")
    String approvalForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ApplicationRecord application = service.view(id, user);
        showDetail(application, user, model);
        List<DecisionRecord> decisions = store.decisions(application.id());
        Map<String, DecisionRecord> stages = new LinkedHashMap<>();
        for (DecisionRecord d : decisions) {
            if (d.action() == DecisionAction.SUBMIT || d.action() == DecisionAction.RESUBMIT) {
                stages.put("community", d);
            } else if (d.stageFrom() == ApplicationStage.STREET_REVIEW && d.action().isReviewDecision()) {
                stages.put("street", d);
            } else if (d.stageFrom() == ApplicationStage.DISTRICT_REVIEW && d.action().isReviewDecision()) {
                stages.put("district", d);
            }
        }
        model.addAttribute("stageDecisions", stages);
        // the signature rows of the policy's chain: a review it left out has no row to sign
        ReviewChain chain = service.policyOf(application).chain();
        List<String> keys = new java.util.ArrayList<>(List.of("community"));
        if (chain.streetReview()) {
            keys.add("street");
        }
        if (chain.districtReview()) {
            keys.add("district");
        }
        model.addAttribute("stageKeys", keys);
        model.addAttribute("printedOn", service.today());
        return APPROVAL_FORM_VIEW;
    }

    private String showDetail(ApplicationRecord application, CurrentUser user, Model model) {
        ApplicationElder elder = service.elderOf(application);
        Policy policy = service.policyOf(application);
        model.addAttribute("app", application);
        // the one rule for personal data (managers see bank accounts and document numbers masked)
        model.addAttribute("payeeAccount", user.bankAccount(application.payeeAccount()));
        model.addAttribute("elder", elder);
        model.addAttribute("policy", policy);
        model.addAttribute("explanation", service.explain(policy, elder));
        model.addAttribute("attachments", store.attachments(application.id()).stream()
                .map(a -> a.withDocumentNumber(user.documentNumber(a.documentNumber()))).toList());
        model.addAttribute("decisions", store.decisions(application.id()));
        model.addAttribute("entitlement", entitlements.ofApplication(application.id()).orElse(null));
        model.addAttribute("actions", service.actions(application, user).stream().map(Enum::name).toList());
        model.addAttribute("communityPath", regions.path(application.communityCode()));
        boolean payeeNeeded = ApplicationService.needsPayee(policy)
                && (application.payeeBank() == null || application.payeeAccount() == null);
        model.addAttribute("payeeNeeded", payeeNeeded);
        if (payeeNeeded && model.getAttribute("decisionForm") instanceof DecisionForm form && !form.hasPayee()) {
            // an account the elder already has, offered for this application (the reviewer sees it and may change it)
            store.knownPayee(application.elderId()).ifPresent(known -> model.addAttribute("decisionForm",
                    new DecisionForm(form.action(), form.note(), form.lockVersion(), known.bank(), known.account())));
            model.addAttribute("payeeKnown", store.knownPayee(application.elderId()).isPresent());
        }
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors,
                  @RequestParam(required = false) String next,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (service.decide(id, form, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.decided." + form.action().name());
            if ("queue".equals(next)) {
                // working through the queue: straight on to the next application, or back to the (empty) queue
                Optional<Long> following = reviewQueue.next(user);
                redirect.addFlashAttribute("decidedId", id);
                return following.map(n -> "redirect:/subsidies/applications/" + n + "?next=queue")
                        .orElse("redirect:/subsidies/reviews");
            }
            return "redirect:/subsidies/applications/" + id;
        }
        return refused(id, errors, user, model, redirect);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, @Valid @ModelAttribute("withdrawalForm") WithdrawalForm form,
                    BindingResult errors, @AuthenticationPrincipal CurrentUser user, Model model,
                    RedirectAttributes redirect) {
        if (service.withdraw(id, form, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.withdrawn");
            return "redirect:/subsidies/applications/" + id;
        }
        if (errors.hasFieldErrors("note")) {
            // the withdrawal button has no field to show the message at
            redirect.addFlashAttribute("flashError", "application.withdrawal.invalid");
            return "redirect:/subsidies/applications/" + id;
        }
        return refused(id, errors, user, model, redirect);
    }

    /** A refusal of the whole action is a message on the detail page; a field error shows on the form itself. */
    private String refused(long id, BindingResult errors, CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors()) {
            redirect.addFlashAttribute("flashError", errors.hasGlobalErrors()
                    ? errors.getGlobalError().getCode() : "application.decision.notYourStage");
            return "redirect:/subsidies/applications/" + id;
        }
        ApplicationRecord application = service.view(id, user);
        model.addAttribute("attachmentForm", AttachmentForm.blank());
        return showDetail(application, user, model);
    }

    @PostMapping("/{id}/attachments")
    String addAttachment(@PathVariable long id, @Valid @ModelAttribute("attachmentForm") AttachmentForm form,
                         BindingResult errors, @RequestParam(name = "file", required = false) MultipartFile file,
                         @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && service.addAttachment(id, form.documentType(), form.documentNumber(), file, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.attachment.added");
            return "redirect:/subsidies/applications/" + id;
        }
        ApplicationRecord application = service.load(id, user);
        if (!service.actions(application, user).contains(ApplicationService.Action.ATTACH)) {
            redirect.addFlashAttribute("flashError", "application.decision.notYourStage");
            return "redirect:/subsidies/applications/" + id;
        }
        model.addAttribute("decisionForm", DecisionForm.blank(application.lockVersion()));
        service.view(id, user);
        return showDetail(application, user, model);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        ApplicationStore.AttachmentFile file = service.download(id, attachmentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    /** The correction form of a returned application. */
    @GetMapping("/{id}/edit")
    String correctForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        // the form shows the payee's bank account: an audited view like the detail page
        ApplicationRecord application = service.view(id, user);
        if (!service.actions(application, user).contains(ApplicationService.Action.RESUBMIT)) {
            throw new AccessDeniedException("Not returned to this community");
        }
        return showCorrection(application, ApplicationForm.of(application), model);
    }

    @PostMapping("/{id}/resubmit")
    String resubmit(@PathVariable long id, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
                    @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (service.resubmit(id, form, errors, user)) {
            redirect.addFlashAttribute("flashSuccess", "application.resubmitted");
            return "redirect:/subsidies/applications/" + id;
        }
        if (!errors.hasFieldErrors("payeeBank") && !errors.hasFieldErrors("payeeAccount")
                && !errors.hasFieldErrors("notes") && errors.hasGlobalErrors()) {
            redirect.addFlashAttribute("flashError", errors.getGlobalError().getCode());
            return "redirect:/subsidies/applications/" + id;
        }
        return showCorrection(service.load(id, user), form, model);
    }

    private String showCorrection(ApplicationRecord application, ApplicationForm form, Model model) {
        model.addAttribute("app", application);
        model.addAttribute("elder", service.elderOf(application));
        model.addAttribute("policy", service.policyOf(application));
        model.addAttribute("decisions", store.decisions(application.id()));
        model.addAttribute("form", form);
        return CORRECT_VIEW;
    }

    private static void requireClerk(CurrentUser user) {
        if (user.getRole() != Role.COMMUNITY_CLERK) {
            throw new AccessDeniedException("Applications are registered by the community");
        }
    }
}
