package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.elder.ElderScope;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.Regions;
import org.yinling.system.Paging;

/** {@code /institutions}: the registry of care institutions, their beds and who stays in them. */
@Controller
@RequestMapping("/institutions")
class InstitutionController {

    private static final int PAGE_SIZE = 20;
    private static final int MAX_BEDS_AT_ONCE = 500;
    /** Beds per page of the institution page; the free beds for a transfer come on demand (transferForm). */
    static final int BED_PAGE_SIZE = 50;

    private final InstitutionStore institutions;
    private final BedStore beds;
    private final InstitutionRegistry registry;
    private final StayService stays;
    private final CaregiverStore caregivers;
    private final GrantStore grants;
    private final Regions regions;
    private final ElderScope elderScope;
    private final Clock clock;
    private final WaitingListStore waitingList;

    InstitutionController(InstitutionStore institutions, BedStore beds, InstitutionRegistry registry, StayService stays,
                          CaregiverStore caregivers, GrantStore grants, Regions regions, ElderScope elderScope,
                          Clock clock, WaitingListStore waitingList) {
        this.waitingList = waitingList;
        this.grants = grants;
        this.caregivers = caregivers;
        this.institutions = institutions;
        this.beds = beds;
        this.registry = registry;
        this.stays = stays;
        this.regions = regions;
        this.elderScope = elderScope;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) InstitutionKind kind,
                @RequestParam(required = false) Ownership ownership, @RequestParam(required = false) String street,
                @RequestParam(required = false) Integer star, @RequestParam(required = false) Boolean nonCompliant,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        InstitutionStore.Filter filter = new InstitutionStore.Filter(q, kind, ownership, street, star, nonCompliant);
        int number = Paging.page(page);
        model.addAttribute("institutions", new PageImpl<>(
                institutions.search(filter, user.scope(), PAGE_SIZE, number * PAGE_SIZE),
                PageRequest.of(number, PAGE_SIZE), institutions.count(filter, user.scope())));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("ownerships", Ownership.values());
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("regionNames", regions.allNames());
        return "institutions/list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        return showForm(InstitutionForm.blank(""), null, user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") InstitutionForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // create() adds the rules to Bean Validation's errors, so the user sees all problems at once
        java.util.Optional<Long> id = registry.create(form, user, errors);
        if (id.isEmpty()) {
            return showForm(form, null, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "institution.created");
        return "redirect:/institutions/" + id.get();
    }

    /** An institution's manager: their own institution's page (the menu's "my institution"). */
    @GetMapping("/mine")
    String mine(@AuthenticationPrincipal CurrentUser user) {
        if (user.institutionId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/institutions/" + user.institutionId();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        Institution institution = load(id, user);
        model.addAttribute("institution", institution);
        boolean ownInstitution = user.getRole() == Role.INSTITUTION_MANAGER;
        RegionScope residents = residentScope(user);
        int number = Paging.page(page);
        List<BedRow> bedRows = beds.beds(id, residents, BED_PAGE_SIZE, (long) number * BED_PAGE_SIZE);
        if (ownInstitution) {
            // the manager sees who stays in their beds, masked (Role.seesFullPersonalData), and no elder pages
            bedRows = bedRows.stream().map(b -> new BedRow(b.id(), b.room(), b.label(), b.nursing(), b.reserved(),
                    b.stayId(), b.elderId(), b.elderName() == null ? null : WaitingEntry.maskName(b.elderName()),
                    b.admittedOn())).toList();
            model.addAttribute("waiting", WaitingListService.admitsThroughWaitingList(institution)
                    ? waitingList.publicList(id) : List.of());
        }
        model.addAttribute("ownInstitution", ownInstitution);
        model.addAttribute("beds", new PageImpl<>(bedRows, PageRequest.of(number, BED_PAGE_SIZE), beds.bedCount(id)));
        model.addAttribute("otherResidents", beds.hiddenOccupants(id, residents));
        model.addAttribute("freeBeds", beds.freeBeds(id));
        model.addAttribute("communityPath", regions.path(institution.communityCode()));
        model.addAttribute("caregiverShare", caregivers.share(residents, id, LocalDate.now(clock)));
        model.addAttribute("grants", ownInstitution ? List.of() : grants.ofInstitution(id));
        if (!model.containsAttribute("admission")) {
            model.addAttribute("admission", AdmissionForm.blank(LocalDate.now(clock)));
        }
        model.addAttribute("payers", Payer.values());
        return "institutions/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Institution institution = load(id, user);
        return showForm(InstitutionForm.of(institution), institution, user, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") InstitutionForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Institution institution = load(id, user);
        if (!registry.update(id, form, user, errors)) {
            return showForm(form, institution, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "institution.updated");
        return "redirect:/institutions/" + id;
    }

    @PostMapping("/{id}/beds")
    String addBeds(@PathVariable long id, @RequestParam(defaultValue = "") String room,
                   @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                   @RequestParam(defaultValue = "false") boolean nursing, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        load(id, user);
        String name = room.strip();
        if (name.isEmpty() || name.length() > 30 || !name.matches("[^<>\\p{Cntrl}]+") || from == null || to == null
                || from < 1 || to < from || to - from >= MAX_BEDS_AT_ONCE) {
            redirect.addFlashAttribute("flashError", "institution.beds.invalid");
            return "redirect:/institutions/" + id;
        }
        int added = registry.addBeds(id, name, from, to, nursing);
        redirect.addFlashAttribute("flashSuccess", added == to - from + 1 ? "institution.beds.added" : "institution.beds.addedSome");
        return "redirect:/institutions/" + id;
    }

    @PostMapping("/{id}/beds/{bedId}/reserve")
    String reserve(@PathVariable long id, @PathVariable long bedId, @RequestParam boolean reserved,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        load(id, user);
        boolean done = registry.setReserved(id, bedId, reserved);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "institution.bed.updated" : "institution.bed.occupied");
        return "redirect:/institutions/" + id;
    }

    @PostMapping("/{id}/admissions")
    String admit(@PathVariable long id, @Valid @ModelAttribute("admission") AdmissionForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Institution institution = load(id, user);
        if (errors.hasErrors() || stays.admit(institution, form, user, errors).isEmpty()) {
            return detail(id, 0, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "institution.admission.done");
        return "redirect:/institutions/" + id;
    }

    /**
     * The transfer form of one stay with the institution's free beds, asked for when the user chooses to transfer
     * (htmx swaps it into the bed's row; without script it is a page of its own). 404 for a stay that is not open or
     * whose elder the user may not see.
     */
    @GetMapping("/{id}/stays/{stayId}/transfer")
    String transferForm(@PathVariable long id, @PathVariable long stayId,
                        @RequestHeader(name = "HX-Request", required = false) String htmx,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        Institution institution = load(id, user);
        BedStore.OpenStay stay = beds.openStay(stayId, id, user.scope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("institution", institution);
        model.addAttribute("stay", stay);
        model.addAttribute("freeBeds", beds.freeBeds(id));
        model.addAttribute("today", LocalDate.now(clock));
        return htmx != null ? "institutions/transfer :: transferForm" : "institutions/transfer";
    }

    @PostMapping("/{id}/stays/{stayId}/transfer")
    String transfer(@PathVariable long id, @PathVariable long stayId, @RequestParam(required = false) Long bedId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        Institution institution = load(id, user);
        boolean done = bedId != null && stays.transfer(institution, stayId, bedId, date, user);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "institution.transfer.done" : "institution.transfer.invalid");
        return "redirect:/institutions/" + id;
    }

    @PostMapping("/{id}/stays/{stayId}/discharge")
    String discharge(@PathVariable long id, @PathVariable long stayId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
        Institution institution = load(id, user);
        boolean done = stays.discharge(institution, stayId, date, reason, user);
        redirect.addFlashAttribute(done ? "flashSuccess" : "flashError", done ? "institution.discharge.done" : "institution.discharge.invalid");
        return "redirect:/institutions/" + id;
    }

    /** The elder page's card of institution stays (loaded with htmx); 404 outside the user's region. */
    @GetMapping("/elders/{elderId}/stays")
    String staysOfElder(@PathVariable long elderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        elderScope.requireVisible(elderId, user.scope());
        model.addAttribute("stays", beds.staysOf(elderId));
        return "institutions/elder-stays :: stays";
    }

    private String showForm(InstitutionForm form, Institution institution, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("institution", institution);
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("ownerships", Ownership.values());
        model.addAttribute("statuses", InstitutionStatus.values());
        model.addAttribute("arrangements", MedicalArrangement.values());
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("regionNames", regions.allNames());
        return "institutions/form";
    }

    private Institution load(long id, CurrentUser user) {
        java.util.Optional<Institution> found = user.getRole() == Role.INSTITUTION_MANAGER
                ? institutions.findManaged(id, user.institutionId()) : institutions.find(id, user.scope());
        return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Whose residents the page shows ({@link ResidentVisibility}): the user's region; for an institution's manager,
     * whose page is only ever their own institution's (load), all of its residents.
     */
    private static RegionScope residentScope(CurrentUser user) {
        return user.getRole() == Role.INSTITUTION_MANAGER ? RegionScope.everything() : user.scope();
    }
}
