package org.yinling.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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

/**
 * API clients (administrators only: {@code /admin/**}): the list, registration, the client's page with its
 * settings, the rotation of its secret and its revocation. A secret is shown once, on the page that answers the
 * registration or rotation (not stored, not cached, never on another page).
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientAdminController {

    static final String LIST_VIEW = "admin/api-clients/list";
    static final String FORM_VIEW = "admin/api-clients/form";
    static final String CLIENT_VIEW = "admin/api-clients/client";
    static final String SECRET_VIEW = "admin/api-clients/secret";
    private static final int PAGE_SIZE = 30;

    private final ApiClients clients;
    private final Regions regions;
    private final Clock clock;

    ApiClientAdminController(ApiClients clients, Regions regions, Clock clock) {
        this.clients = clients;
        this.regions = regions;
        this.clock = clock;
    }

    @ModelAttribute("scopeOptions")
    List<ApiScope> scopeOptions() {
        return Arrays.asList(ApiScope.values());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q.strip();
        Page<ApiClient> result = clients.search(text.length() > 100 ? text.substring(0, 100) : text,
                Paging.of(page, PAGE_SIZE));
        model.addAttribute("clients", result);
        model.addAttribute("regionNames", regions.names(result.map(ApiClient::regionCode).getContent()));
        model.addAttribute("q", text);
        model.addAttribute("now", clock.instant());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return showForm(ApiClientForm.blank(), model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApiClientForm form, BindingResult errors, Model model,
                  HttpServletResponse response) {
        Optional<ApiClients.Issued> issued = clients.register(form, errors);
        if (issued.isEmpty()) {
            return showForm(form, model);
        }
        return showSecret(issued.get(), "api.client.created", model, response);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ApiClient client = clients.get(id);
        return showClient(client, ApiClientForm.of(client), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ApiClientForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        ApiClient client = clients.get(id);
        if (errors.hasErrors() || !clients.update(id, form, errors)) {
            return showClient(client, form, model);
        }
        redirect.addFlashAttribute("flashSuccess", "api.client.updated");
        return "redirect:/admin/api-clients/" + id;
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, @RequestParam(defaultValue = "7") String overlapDays, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        clients.get(id);
        Integer days = overlapDays.matches("[0-9]{1,3}") ? Integer.valueOf(overlapDays) : null;
        Optional<ApiClients.Issued> issued = days == null ? Optional.empty() : clients.rotate(id, days);
        if (issued.isEmpty()) {
            redirect.addFlashAttribute("flashError", "api.client.rotate.refused");
            return "redirect:/admin/api-clients/" + id;
        }
        return showSecret(issued.get(), "api.client.rotated", model, response);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String confirm,
                  RedirectAttributes redirect) {
        clients.get(id);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("flashError", "api.client.revoke.unconfirmed");
            return "redirect:/admin/api-clients/" + id;
        }
        boolean done = clients.revoke(id);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError",
                done ? "api.client.revoked" : "api.client.revoked.already");
        return "redirect:/admin/api-clients/" + id;
    }

    private String showForm(ApiClientForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("regionOptions", regions.all());
        model.addAttribute("defaultRateLimit", ApiClientForm.DEFAULT_RATE_LIMIT);
        return FORM_VIEW;
    }

    private String showClient(ApiClient client, ApiClientForm form, Model model) {
        Instant now = clock.instant();
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("regionOptions", regions.all());
        model.addAttribute("regionNames", regions.names(List.of(client.regionCode())));
        model.addAttribute("previousSecretWorks", client.previousSecretWorks(now));
        model.addAttribute("maxOverlapDays", ApiClients.MAX_OVERLAP_DAYS);
        model.addAttribute("createdAt", local(client.createdAt()));
        model.addAttribute("rotatedAt", local(client.secretRotatedAt()));
        model.addAttribute("previousUntil", local(client.previousSecretUntil()));
        model.addAttribute("revokedAt", local(client.revokedAt()));
        return CLIENT_VIEW;
    }

    private String showSecret(ApiClients.Issued issued, String message, Model model, HttpServletResponse response) {
        // the one page that shows the secret: never kept by a browser's or a proxy's cache
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("client", issued.client());
        model.addAttribute("secret", issued.secret());
        model.addAttribute("message", message);
        model.addAttribute("previousSecretWorks", issued.client().previousSecretWorks(clock.instant()));
        model.addAttribute("previousUntil", local(issued.client().previousSecretUntil()));
        return SECRET_VIEW;
    }

    /** A moment as the bureau's local date and time (the application's zone). */
    private java.time.LocalDateTime local(Instant instant) {
        return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, clock.getZone());
    }
}
