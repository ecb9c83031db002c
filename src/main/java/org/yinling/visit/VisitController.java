package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.elder.ResidentId;

/**
 * The elder's visit page ({@code /visits/elders/{elderId}}: tier, due, history, major events, raising the tier), the
 * phone form of a visit, and a visit's page with the follow-ups of its concerns.
 */
@Controller
@RequestMapping("/visits")
class VisitController {

    static final String ELDER_VIEW = "visits/elder";
    static final String FORM_VIEW = "visits/form";
    static final String VISIT_VIEW = "visits/visit";

    private final Visits visits;
    private final Clock clock;

    VisitController(Visits visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    @GetMapping
    String index() {
        return "redirect:/visits/due";
    }

    @GetMapping("/elders/{elderId}")
    String elder(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showElder(visits.viewElder(elderId, user), user, model);
    }

    @PostMapping("/elders/{elderId}/tier")
    String raise(@PathVariable long elderId, @Valid @ModelAttribute("raiseForm") RaiseForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors() || !visits.raise(elderId, form, user, errors)) {
            return showElder(visits.elder(elderId, user), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.raise.done");
        return "redirect:/visits/elders/" + elderId;
    }

    @PostMapping("/elders/{elderId}/events")
    String event(@PathVariable long elderId, @Valid @ModelAttribute("eventForm") EventForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors() || !visits.recordEvent(elderId, form, user, errors)) {
            return showElder(visits.elder(elderId, user), user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "visit.event.recorded");
        return "redirect:/visits/elders/" + elderId;
    }

    @GetMapping("/elders/{elderId}/new")
    String newVisit(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ElderVisitContext elder = visits.elder(elderId, user);
        VisitForm form = VisitForm.blank(LocalDate.now(clock), LocalTime.now(clock));
        model.addAttribute("form", form);
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        Visits.checkVisitable(elder, errors);
        model.addAttribute("org.springframework.validation.BindingResult.form", errors);
        return showForm(elder, model);
    }

    @PostMapping("/elders/{elderId}")
    String record(@PathVariable long elderId, @Valid @ModelAttribute("form") VisitForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            ElderVisitContext elder = visits.elder(elderId, user);
            Visits.checkVisitable(elder, errors);
            return showForm(elder, model);
        }
        Optional<Visits.Recorded> recorded = visits.record(elderId, form, user, errors);
        if (recorded.isEmpty()) {
            return showForm(visits.elder(elderId, user), model);
        }
        redirect.addFlashAttribute("flashSuccess", recorded.get().duplicate() ? "visit.alreadySaved" : "visit.saved");
        return "redirect:/visits/" + recorded.get().visitId();
    }

    @GetMapping("/{visitId}")
    String visit(@PathVariable long visitId, @AuthenticationPrincipal CurrentUser user, Model model) {
        VisitRecord visit = visits.visit(visitId, user);
        model.addAttribute("visit", visit);
        model.addAttribute("areas", Arrays.asList(FindingArea.values()));
        model.addAttribute("followUps", Arrays.asList(FollowUp.values()));
        model.addAttribute("isVisitor", user.getRole() == Role.VISITOR);
        return VISIT_VIEW;
    }

    @PostMapping("/{visitId}/actions")
    String followUp(@PathVariable long visitId, @RequestParam(required = false) String area,
                    @RequestParam(required = false) String kind, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        Optional<FindingArea> findingArea = Arrays.stream(FindingArea.values())
                .filter(value -> value.name().equals(area)).findFirst();
        Optional<FollowUp> followUp = Arrays.stream(FollowUp.values())
                .filter(value -> value.name().equals(kind)).findFirst();
        VisitRecord visit = visits.visit(visitId, user);
        Finding finding = findingArea.map(visit.findings()::get).orElse(null);
        if (followUp.isEmpty() || finding == null || !finding.needsAction()) {
            redirect.addFlashAttribute("flashError", "visit.followUp.invalid");
            return "redirect:/visits/" + visitId;
        }
        Visits.Started started = visits.startFollowUp(visitId, findingArea.get(), followUp.get(), user);
        if (started.path() == null) {
            redirect.addFlashAttribute("flashSuccess", "visit.followUp.sent");
            return "redirect:/visits/" + visitId;
        }
        return "redirect:" + started.path();
    }

    private String showElder(ElderVisitContext elder, CurrentUser user, Model model) {
        model.addAttribute("elder", elder);
        model.addAttribute("maskedResidentId", ResidentId.mask(elder.residentId()));
        model.addAttribute("phone", elder.phone() == null ? null : user.phone(elder.phone()));
        model.addAttribute("history", visits.history(elder.elderId(), user));
        model.addAttribute("events", visits.events(elder.elderId()));
        model.addAttribute("raises", visits.raises(elder.elderId()));
        if (!model.containsAttribute("raiseForm")) {
            model.addAttribute("raiseForm", RaiseForm.blank());
        }
        if (!model.containsAttribute("eventForm")) {
            model.addAttribute("eventForm", EventForm.blank(LocalDate.now(clock), LocalTime.now(clock)));
        }
        model.addAttribute("raiseTiers", java.util.List.of(RiskTier.HIGH, RiskTier.MEDIUM));
        model.addAttribute("eventKinds", Arrays.asList(MajorEventKind.values()));
        model.addAttribute("mayWrite", user.getRole() != Role.MANAGER);
        return ELDER_VIEW;
    }

    private String showForm(ElderVisitContext elder, Model model) {
        model.addAttribute("elder", elder);
        model.addAttribute("modes", Arrays.asList(VisitMode.values()));
        model.addAttribute("areas", Arrays.asList(FindingArea.values()));
        model.addAttribute("findings", Arrays.asList(Finding.values()));
        return FORM_VIEW;
    }
}
