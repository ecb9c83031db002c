package org.yinling.supervision;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.Paging;

/** {@code /supervision/findings}: the region's findings (overdue first by default), one finding and its follow-up. */
@Controller
@RequestMapping("/supervision/findings")
class FindingController {

    static final String LIST_VIEW = "supervision/findings";
    static final String VIEW = "supervision/finding";
    static final int PAGE_SIZE = 50;

    private final Findings findings;

    FindingController(Findings findings) {
        this.findings = findings;
    }

    @GetMapping
    String list(@RequestParam(required = false) String show, @RequestParam(required = false) Long institution,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        SupervisionStore.Show shown = SupervisionStore.Show.OVERDUE;
        for (SupervisionStore.Show candidate : SupervisionStore.Show.values()) {
            if (candidate.name().equals(show)) {
                shown = candidate;
            }
        }
        model.addAttribute("show", shown.name());
        model.addAttribute("shows", SupervisionStore.Show.values());
        model.addAttribute("institution", institution);
        model.addAttribute("findings", findings.list(shown, institution, Paging.of(page, PAGE_SIZE), user));
        model.addAttribute("now", findings.now());
        String base = "/supervision/findings?show=" + shown.name() + (institution == null ? "" : "&institution=" + institution);
        model.addAttribute("base", base);
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SupervisionStore.Finding finding = findings.finding(id, user);
        model.addAttribute("finding", finding);
        model.addAttribute("now", findings.now());
        model.addAttribute("mayAct", InspectionController.mayInspect(user));
        // the institution's manager answers with a rectification and evidence; staff may enter it for them
        model.addAttribute("mayRectify", InspectionController.mayInspect(user) || user.getRole() == Role.INSTITUTION_MANAGER);
        model.addAttribute("ownInstitution", user.getRole() == Role.INSTITUTION_MANAGER);
        model.addAttribute("evidence", findings.evidence(finding));
        model.addAttribute("photos", findings.photos(finding));
        model.addAttribute("maxMegabytes", EvidenceFiles.MAX_MEGABYTES);
        return VIEW;
    }

    @PostMapping("/{id}/rectification")
    String rectify(@PathVariable long id, @RequestParam(required = false) String rectification,
                   @RequestParam(required = false) MultipartFile evidence,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(id, findings.rectify(id, rectification, evidence, user), "supervision.finding.rectified", redirect);
    }

    @PostMapping("/{id}/deadline")
    String deadline(@PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(id, findings.moveDeadline(id, deadline, user), "supervision.finding.deadlineMoved", redirect);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String recheck,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(id, findings.close(id, recheck, user), "supervision.finding.closed", redirect);
    }

    @PostMapping("/{id}/recheck-failed")
    String recheckFailed(@PathVariable long id, @RequestParam(required = false) String recheck,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(id, findings.recheckFailed(id, recheck, user), "supervision.finding.recheckFailedDone", redirect);
    }

    private static String done(long id, String error, String success, RedirectAttributes redirect) {
        redirect.addFlashAttribute(error == null ? "flashSuccess" : "flashError", error == null ? success : error);
        return "redirect:/supervision/findings/" + id;
    }
}
