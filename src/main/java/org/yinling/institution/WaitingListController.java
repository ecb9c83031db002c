package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.springframework.context.MessageSource;
import org.yinling.region.IssuingBureaus;
import org.yinling.region.Regions;

/** {@code /waiting-list}: the public waiting list (公开轮候) of each public institution, and its printable public form. */
@Controller
@RequestMapping("/waiting-list")
class WaitingListController {

    private final InstitutionStore institutions;
    private final WaitingListStore list;
    private final WaitingListService service;
    private final BedStore beds;
    private final Regions regions;
    private final Clock clock;

    private final IssuingBureaus bureaus;
    private final MessageSource messages;
    private final WaitingPriorityService priorities;

    WaitingListController(InstitutionStore institutions, WaitingListStore list, WaitingListService service,
                          BedStore beds, Regions regions, Clock clock, IssuingBureaus bureaus, MessageSource messages,
                          WaitingPriorityService priorities) {
        this.priorities = priorities;
        this.bureaus = bureaus;
        this.messages = messages;
        this.clock = clock;
        this.institutions = institutions;
        this.list = list;
        this.service = service;
        this.beds = beds;
        this.regions = regions;
    }

    @GetMapping
    String page(@RequestParam(required = false) Long institution, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        List<Institution> publicOnes = institutions.search(
                new InstitutionStore.Filter(null, null, null, null, null, null), user.scope(), 1000, 0).stream()
                .filter(WaitingListService::admitsThroughWaitingList).toList();
        model.addAttribute("institutions", publicOnes);
        Institution chosen = institution == null ? (publicOnes.isEmpty() ? null : publicOnes.get(0))
                : load(institution, user);
        model.addAttribute("chosen", chosen);
        if (chosen != null) {
            model.addAttribute("entries", list.waiting(chosen.id(), user.scope()));
            model.addAttribute("othersWaiting", list.othersWaiting(chosen.id(), user.scope()));
            model.addAttribute("freeBeds", beds.beds(chosen.id(), user.scope()).stream().filter(BedRow::free).toList());
            // the order in force for the institution's district (issue 21 §6)
            model.addAttribute("priority", priorities.inForce(WaitingPriorityService.districtOf(chosen.communityCode())));
        }
        model.addAttribute("payers", Payer.values());
        model.addAttribute("regionNames", regions.allNames());
        model.addAttribute("today", LocalDate.now(clock));
        return "institutions/waiting-list";
    }

    /** The list as posted publicly: position, masked name and ID, category and date. */
    @GetMapping("/{institution}/public")
    String publicList(@PathVariable long institution, @AuthenticationPrincipal CurrentUser user, Model model,
                      java.util.Locale locale) {
        Institution chosen = load(institution, user);
        model.addAttribute("chosen", chosen);
        // posted by the bureau, with where objections go (issue 20 §3)
        model.addAttribute("bureau", bureaus.of(chosen.communityCode(),
                district -> messages.getMessage("notice.bureau.default", new Object[] {district}, locale)));
        model.addAttribute("entries", list.publicList(chosen.id()));
        model.addAttribute("priority", priorities.inForce(WaitingPriorityService.districtOf(chosen.communityCode())));
        model.addAttribute("today", LocalDate.now(clock));
        return "institutions/waiting-public";
    }

    @PostMapping("/{institution}")
    String register(@PathVariable long institution, @RequestParam(defaultValue = "") String residentId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn,
                    @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Institution chosen = load(institution, user);
        BindingResult errors = new BeanPropertyBindingResult(residentId, "waiting");
        if (service.register(chosen, residentId, appliedOn, user, errors).isEmpty()) {
            model.addAttribute("problems", errors.getAllErrors());
            return page(institution, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "waiting.registered");
        return "redirect:/waiting-list?institution=" + institution;
    }

    @PostMapping("/{institution}/{entry}/admit")
    String admit(@PathVariable long institution, @PathVariable long entry, @RequestParam(required = false) Long bedId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admittedOn,
                 @RequestParam(defaultValue = "SELF") Payer payer, @RequestParam(defaultValue = "") String contractNumber,
                 @RequestParam(defaultValue = "") String skipReason, @AuthenticationPrincipal CurrentUser user,
                 Model model, RedirectAttributes redirect) {
        Institution chosen = load(institution, user);
        AdmissionForm form = new AdmissionForm("", bedId, admittedOn == null ? LocalDate.now(clock) : admittedOn,
                contractNumber, payer);
        BindingResult errors = new DirectFieldBindingResult(form, "admission");
        if (bedId == null || form.admittedOn().isAfter(LocalDate.now(clock))) {
            errors.reject("waiting.admitInvalid");
        }
        if (errors.hasErrors() || service.admit(chosen, entry, form, skipReason, user, errors).isEmpty()) {
            model.addAttribute("problems", errors.getAllErrors());
            return page(institution, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "waiting.admitted");
        return "redirect:/waiting-list?institution=" + institution;
    }

    @PostMapping("/{institution}/{entry}/withdraw")
    String withdraw(@PathVariable long institution, @PathVariable long entry, @RequestParam(defaultValue = "") String reason,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Institution chosen = load(institution, user);
        boolean done = service.withdraw(chosen, entry, reason, user);
        boolean reasonGiven = !reason.isBlank() && reason.length() <= 200;
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError",
                done ? "waiting.withdrawn" : reasonGiven ? "waiting.withdrawRefused" : "waiting.withdrawInvalid");
        return "redirect:/waiting-list?institution=" + institution;
    }

    private Institution load(long id, CurrentUser user) {
        return institutions.find(id, user.scope()).filter(WaitingListService::admitsThroughWaitingList)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
