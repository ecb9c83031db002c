package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

/** {@code /caregivers}: caregivers of the institutions, their certificates, and the certified share. */
@Controller
@RequestMapping("/caregivers")
class CaregiverController {

    private final CaregiverStore caregivers;
    private final Caregivers service;
    private final InstitutionStore institutions;
    private final Clock clock;

    CaregiverController(CaregiverStore caregivers, Caregivers service, InstitutionStore institutions, Clock clock) {
        this.caregivers = caregivers;
        this.service = service;
        this.institutions = institutions;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long institution, @RequestParam(defaultValue = "false") boolean expired,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
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
        Optional<Long> id = service.add(form, user, errors);
        if (id.isEmpty()) {
            return list(form.institutionId(), false, user, model);
        }
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
        if (!service.update(caregiver, form, user, errors)) {
            model.addAttribute("caregiver", caregiver);
            return "institutions/caregiver-form";
        }
        redirect.addFlashAttribute("flashSuccess", "caregiver.updated");
        return "redirect:/caregivers?institution=" + caregiver.institutionId();
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Caregiver caregiver = load(id, user);
        service.deactivate(caregiver, user);
        redirect.addFlashAttribute("flashSuccess", "caregiver.deactivated");
        return "redirect:/caregivers?institution=" + caregiver.institutionId();
    }

    private List<Institution> institutionsOf(CurrentUser user) {
        return institutions.search(new InstitutionStore.Filter(null, null, null, null, null, null), user.scope(), 1000, 0);
    }

    private Caregiver load(long id, CurrentUser user) {
        return caregivers.find(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
