package org.yinling.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own password ({@value #PATH}): every signed-in user may change it, and one whose password an
 * administrator set is sent here by {@link PasswordChangeInterceptor} until they do.
 */
@Controller
class PasswordChangeController {

    static final String PATH = "/account/password";
    static final String VIEW = "account/password";

    private final PasswordChange passwordChange;
    private final PasswordPolicy passwordPolicy;
    private final AccountUserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordChangeController(PasswordChange passwordChange, PasswordPolicy passwordPolicy,
                             AccountUserDetailsService users) {
        this.passwordChange = passwordChange;
        this.passwordPolicy = passwordPolicy;
        this.users = users;
    }

    @GetMapping(PATH)
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(PasswordChangeForm.blank(), user, model);
    }

    @PostMapping(PATH)
    String change(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        if (!passwordChange.change(user.getUsername(), form, errors, session == null ? null : session.getId())) {
            return show(form, user, model);
        }
        // the session's user no longer has to change the password: sign it in afresh with the stored state
        UserDetails fresh = users.loadUserByUsername(user.getUsername());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("flashSuccess", "password.change.done");
        return "redirect:/";
    }

    private String show(PasswordChangeForm form, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("required", user.isPasswordChangeRequired());
        model.addAttribute("passwordMinLength", passwordPolicy.minLength());
        return VIEW;
    }
}
