package org.yinling.account;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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
import org.yinling.region.Regions;
import org.yinling.system.Paging;

/** User administration (ADMIN only; see the security configuration). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final String LIST_VIEW = "admin/users";
    static final String FORM_VIEW = "admin/user-form";
    private static final int PAGE_SIZE = 30;

    private final UserAdministration administration;
    private final Regions regions;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final ObjectProvider<ProviderDirectory> providers;
    private final ObjectProvider<InstitutionDirectory> institutions;

    UserAdminController(UserAdministration administration, Regions regions, PasswordPolicy passwordPolicy, Clock clock,
                        ObjectProvider<ProviderDirectory> providers, ObjectProvider<InstitutionDirectory> institutions) {
        this.providers = providers;
        this.institutions = institutions;
        this.clock = clock;
        this.administration = administration;
        this.regions = regions;
        this.passwordPolicy = passwordPolicy;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return Arrays.asList(Role.values());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AppUser> result = administration.search(q.trim(), role,
                Paging.of(page, PAGE_SIZE, Sort.by("username")));
        model.addAttribute("users", result.map(user -> UserRow.of(user, clock)));
        model.addAttribute("regionNames", regions.names(result.map(AppUser::getRegionCode).getContent()));
        model.addAttribute("providerNames", providerNames());
        InstitutionDirectory directory = institutions.getIfAvailable();
        List<Long> managed = result.getContent().stream().map(AppUser::getInstitutionId)
                .filter(java.util.Objects::nonNull).toList();
        model.addAttribute("institutionNames", directory == null ? java.util.Map.of() : directory.namesOf(managed));
        model.addAttribute("q", q.trim());
        model.addAttribute("role", role);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return showForm(UserForm.blank(), null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        // create() also checks what Bean Validation cannot (unique name, role/region, policy), so all errors show at once
        if (administration.create(form, errors).isEmpty()) {
            return showForm(form, null, model);
        }
        redirect.addFlashAttribute("flashSuccess", "user.created");
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AppUser user = administration.get(id);
        return showForm(UserForm.of(user), user, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        AppUser user = administration.get(id);
        if (errors.hasErrors() || !administration.update(id, form, errors, admin.getUsername())) {
            return showForm(form, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "user.updated");
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordResetForm form,
                         BindingResult errors, Model model, RedirectAttributes redirect) {
        AppUser user = administration.get(id);
        if (errors.hasErrors() || !administration.resetPassword(id, form, errors)) {
            return showForm(UserForm.of(user), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "user.passwordReset");
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        administration.setEnabled(id, true, admin.getUsername());
        redirect.addFlashAttribute("flashSuccess", "user.enabled");
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        boolean done = administration.setEnabled(id, false, admin.getUsername());
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "user.disabled" : "user.disableSelf");
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        administration.unlock(id);
        redirect.addFlashAttribute("flashSuccess", "user.unlocked");
        return "redirect:/admin/users/" + id + "/edit";
    }

    /** The providers a provider manager or care worker may belong to (none without the home-care module). */
    private List<ProviderDirectory.Option> providerOptions() {
        ProviderDirectory directory = providers.getIfAvailable();
        return directory == null ? List.of() : directory.providers();
    }

    private java.util.Map<Long, String> providerNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        providerOptions().forEach(option -> names.put(option.id(), option.name()));
        return names;
    }

    private String showForm(UserForm form, AppUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("user", user == null ? null : UserRow.of(user, clock));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", PasswordResetForm.blank());
        }
        model.addAttribute("regionOptions", regions.all());
        model.addAttribute("providerOptions", providerOptions());
        InstitutionDirectory directory = institutions.getIfAvailable();
        model.addAttribute("institutionOptions", directory == null ? List.of() : directory.institutions());
        model.addAttribute("passwordMinLength", passwordPolicy.minLength());
        return FORM_VIEW;
    }
}
