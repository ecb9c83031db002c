package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** {@code /caregivers}: caregivers of the institutions, their certificates, and the certified share. */
@Controller
@RequestMapping("/caregivers")
class CaregiverController {

    private final CaregiverStore caregivers;
    private final InstitutionStore institutions;
    private final AuditLog audit;

    CaregiverController(CaregiverStore caregivers, InstitutionStore institutions, AuditLog audit) {
        this.caregivers = caregivers;
        this.institutions = institutions;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long institution, @RequestParam(defaultValue = "false") boolean expired,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("caregivers", caregivers.list(user.scope(), institution, expired, today));
        model.addAttribute("share", caregivers.share(user.scope(), institution, today));
        model.addAttribute("institutions", institutionsOf(user));
        model.addAttribute("institution", institution);
        model.addAttribute("expired", expired);
        model.addAttribute("today", today);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CaregiverForm.blank(institution));
        }
        return "institutions/caregivers";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CaregiverForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        check(form, user, errors);
        if (errors.hasErrors()) {
            return list(form.institutionId(), false, user, model);
        }
        long id = caregivers.insert(form, user.getUsername());
        audit.record("CAREGIVER_ADDED", "caregiver", id, Map.of("institution", form.institutionId()));
        redirect.addFlashAttribute("flashSuccess", "caregiver.added");
        return "redirect:/caregivers?institution=" + form.institutionId();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Caregiver caregiver = load(id, user);
        model.addAttribute("caregiver", caregiver);
        model.addAttribute("form", new CaregiverForm(caregiver.institutionId(), caregiver.name(),
                caregiver.certificateType(), caregiver.certificateNumber(), caregiver.certificateLevel(),
                caregiver.certificateExpires(), caregiver.version()));
        return "institutions/caregiver-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CaregiverForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Caregiver caregiver = load(id, user);
        check(new CaregiverForm(caregiver.institutionId(), form.name(), form.certificateType(), form.certificateNumber(),
                form.certificateLevel(), form.certificateExpires(), form.version()), user, errors);
        if (!errors.hasErrors() && !caregivers.update(id, form, user.getUsername())) {
            errors.reject("form.concurrentEdit");
        }
        if (errors.hasErrors()) {
            model.addAttribute("caregiver", caregiver);
            return "institutions/caregiver-form";
        }
        audit.record("CAREGIVER_UPDATED", "caregiver", id, Map.of("institution", caregiver.institutionId()));
        redirect.addFlashAttribute("flashSuccess", "caregiver.updated");
        return "redirect:/caregivers?institution=" + caregiver.institutionId();
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Caregiver caregiver = load(id, user);
        if (caregivers.deactivate(id, user.getUsername())) {
            audit.record("CAREGIVER_DEACTIVATED", "caregiver", id, Map.of("institution", caregiver.institutionId()));
        }
        redirect.addFlashAttribute("flashSuccess", "caregiver.deactivated");
        return "redirect:/caregivers?institution=" + caregiver.institutionId();
    }

    private void check(CaregiverForm form, CurrentUser user, BindingResult errors) {
        if (form.institutionId() != null && institutions.find(form.institutionId(), user.scope()).isEmpty()) {
            errors.rejectValue("institutionId", "caregiver.institution.invalid");
        }
        boolean type = form.certificateType() != null && !form.certificateType().isBlank();
        boolean number = form.certificateNumber() != null && !form.certificateNumber().isBlank();
        if (type != number) {
            errors.rejectValue("certificateNumber", "caregiver.certificate.incomplete");
        }
    }

    private List<Institution> institutionsOf(CurrentUser user) {
        return institutions.search(new InstitutionStore.Filter(null, null, null, null, null, null), user.scope(), 1000, 0);
    }

    private Caregiver load(long id, CurrentUser user) {
        return caregivers.find(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
