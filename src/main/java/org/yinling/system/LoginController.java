package org.yinling.system;

import java.util.List;

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

    /** The demo accounts (see DemoAccounts in the account module) as the login page lists them in demo mode. */
    record DemoAccount(String username, String roleKey, String scopeKey) {
    }

    private static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("admin", "role.ADMIN", "login.demo.scope.district"),
            new DemoAccount("district", "role.DISTRICT_STAFF", "login.demo.scope.district"),
            new DemoAccount("street", "role.STREET_REVIEWER", "login.demo.scope.street"),
            new DemoAccount("community", "role.COMMUNITY_CLERK", "login.demo.scope.community"),
            new DemoAccount("manager", "role.MANAGER", "login.demo.scope.district"),
            new DemoAccount("provider", "role.PROVIDER_MANAGER", "login.demo.scope.provider"),
            new DemoAccount("worker", "role.CARE_WORKER", "login.demo.scope.worker"),
            new DemoAccount("visitor", "role.VISITOR", "login.demo.scope.visitor"),
            new DemoAccount("institution", "role.INSTITUTION_MANAGER", "login.demo.scope.institution"));

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
        model.addAttribute("demoAccounts", DEMO_ACCOUNTS);
        return VIEW;
    }
}
