package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.yinling.region.Regions;

/** The policy pages: list, detail with preview, drafts and versions, publishing, automatic enrolment. */
@Controller
@RequestMapping("/subsidies/policies")
class PolicyController {

    static final String LIST_VIEW = "subsidies/policies/list";
    static final String DETAIL_VIEW = "subsidies/policies/detail";
    static final String FORM_VIEW = "subsidies/policies/form";
    static final String PROGRESS_VIEW = "subsidies/policies/detail :: enrolmentProgress";

    private final PolicyAdministration policies;
    private final AutomaticEnrolment enrolment;
    private final Regions regions;
    private final MessageSource messages;
    private final RuleSummary summary;
    private final Clock clock;

    PolicyController(PolicyAdministration policies, AutomaticEnrolment enrolment, Regions regions,
                     MessageSource messages, RuleSummary summary, Clock clock) {
        this.summary = summary;
        this.clock = clock;
        this.policies = policies;
        this.enrolment = enrolment;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    String list(PolicySearch search, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("policies", policies.list(search, user));
        model.addAttribute("regionNames", regions.allNames());
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Policy policy = policies.load(id, user);
        model.addAttribute("policy", policy);
        model.addAttribute("ruleSummary", summary.full(policy.rule(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("versions", policies.versions(policy));
        model.addAttribute("draft", policies.draftOf(policy).orElse(null));
        model.addAttribute("mayChange", policies.mayChange(policy, user));
        model.addAttribute("enrolmentRefusal", enrolment.refusal(policy, user).orElse(null));
        model.addAttribute("run", policy.automatic() ? enrolment.latest(policy).orElse(null) : null);
        model.addAttribute("regionNames", regions.allNames());
        if (!model.containsAttribute("previewOn")) {
            model.addAttribute("previewOn", LocalDate.now(clock));
        }
        return DETAIL_VIEW;
    }

    /** The detail page with the preview: who qualifies per tier on the day, and the cost. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   @AuthenticationPrincipal CurrentUser user, Model model) {
        Policy policy = policies.load(id, user);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("previewOn", day);
        model.addAttribute("preview", policies.preview(policy, day, user));
        return detail(id, user, model);
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        return showForm(PolicyForm.blank(user.getRegionCode(), LocalDate.now(clock)), null, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") PolicyForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Optional<Long> id = policies.create(form, errors, user);
        if (id.isEmpty()) {
            return showForm(form, null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "policy.created");
        return "redirect:/subsidies/policies/" + id.get();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
                    RedirectAttributes redirect) {
        Policy policy = policies.load(id, user);
        if (!policies.mayChange(policy, user) || policy.status() == PolicyStatus.SUPERSEDED) {
            redirect.addFlashAttribute("flashError", "policy.readOnly");
            return "redirect:/subsidies/policies/" + id;
        }
        Optional<Policy> draft = policies.draftOf(policy);
        if (policy.status() == PolicyStatus.PUBLISHED && draft.isPresent()) {
            redirect.addFlashAttribute("flashError", "policy.draftExists");
            return "redirect:/subsidies/policies/" + draft.get().id();
        }
        return showForm(PolicyForm.of(policy), policy, user, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PolicyForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Policy policy = policies.load(id, user);
        Optional<Long> saved = policies.update(id, form, errors, user);
        if (saved.isEmpty()) {
            return showForm(form, policy, user, model);
        }
        redirect.addFlashAttribute("flashSuccess",
                saved.get() == id ? "policy.updated" : "policy.versionCreated");
        return "redirect:/subsidies/policies/" + saved.get();
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @RequestParam long lockVersion, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        boolean published = policies.publish(id, lockVersion, user);
        redirect.addFlashAttribute(published ? "flashSuccess" : "flashError",
                published ? "policy.published" : "form.concurrentEdit");
        return "redirect:/subsidies/policies/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam long lockVersion, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        Policy draft = policies.load(id, user);
        if (!policies.deleteDraft(id, lockVersion, user)) {
            redirect.addFlashAttribute("flashError", "form.concurrentEdit");
            return "redirect:/subsidies/policies/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", "policy.deleted");
        List<Policy> left = policies.versions(draft);
        return left.isEmpty() ? "redirect:/subsidies/policies" : "redirect:/subsidies/policies/" + left.get(0).id();
    }

    /** 免申即享: records a run and starts it in the background; the page then follows it. */
    @PostMapping("/{id}/enrol")
    String enrol(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
                 RedirectAttributes redirect) {
        AutomaticEnrolment.Started started = enrolment.start(id, user,
                messages.getMessage("policy.enrol.note", null, locale));
        redirect.addFlashAttribute(started.refusal() == null ? "flashSuccess" : "flashError",
                started.refusal() == null ? "policy.enrol.started" : started.refusal());
        return "redirect:/subsidies/policies/" + id;
    }

    /**
     * Before a run: how many applications it would create, with the run button whose confirmation says so (loaded
     * into the policy page on demand: at city scale the count takes as long as the eligibility query).
     */
    @GetMapping("/{id}/enrol/preview")
    String enrolmentPreview(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Policy policy = policies.load(id, user);
        java.util.OptionalLong count = enrolment.preview(id, user);
        model.addAttribute("policy", policy);
        model.addAttribute("enrolCount", count.isPresent() ? count.getAsLong() : null);
        return "subsidies/policies/detail :: enrolmentPreview";
    }

    /** The progress of the latest run, polled by the page; once it is over the page reloads with the report. */
    @GetMapping("/{id}/enrolment")
    String enrolmentProgress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
                             HttpServletResponse response) {
        Policy policy = policies.load(id, user);
        AutomaticEnrolmentRun run = enrolment.latest(policy).orElse(null);
        if (run == null || !run.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("policy", policy);
        model.addAttribute("run", run);
        return PROGRESS_VIEW;
    }

    private String showForm(PolicyForm form, Policy policy, CurrentUser user, Model model) {
        // the bound form itself: replacing it with another object would drop its errors
        model.addAttribute("form", form);
        model.addAttribute("policy", policy);
        model.addAttribute("regionChoices", policies.regionChoices(user));
        return FORM_VIEW;
    }
}
