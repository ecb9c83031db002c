package org.yinling.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW = "login";

    private final int maxFailedLogins;
    private final long lockoutMinutes;

    LoginController(@Value("${yinling.security.max-failed-logins:5}") int maxFailedLogins,
                    @Value("${yinling.security.lockout:15m}") java.time.Duration lockout) {
        this.maxFailedLogins = maxFailedLogins;
        this.lockoutMinutes = lockout.toMinutes();
    }

    @GetMapping("/login")
    String login(Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("maxFailedLogins", maxFailedLogins);
        model.addAttribute("lockoutMinutes", lockoutMinutes);
        return VIEW;
    }
}
