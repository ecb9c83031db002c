package org.yinling.subsidy;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/** Applications in publicity, the printable notice, and concluding due publicity by hand (district staff). */
@Controller
@RequestMapping("/subsidies/publicity")
class PublicityController {

    static final String LIST_VIEW = "subsidies/publicity/list";
    static final String NOTICE_VIEW = "subsidies/publicity/notice";

    private final PublicityService publicity;
    private final ApplicationService applications;
    private final Regions regions;

    PublicityController(PublicityService publicity, ApplicationService applications, Regions regions) {
        this.publicity = publicity;
        this.applications = applications;
        this.regions = regions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String street, @RequestParam(required = false) String policy,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        filters(street, policy, user, model);
        model.addAttribute("rows", publicity.inPublicity(user.scope(), street, policy));
        model.addAttribute("mayConclude", user.getRole() == Role.DISTRICT_STAFF);
        return LIST_VIEW;
    }

    @GetMapping("/notice")
    String notice(@RequestParam(required = false) String street, @RequestParam(required = false) String policy,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        filters(street, policy, user, model);
        List<PublicityRow> rows = publicity.inPublicity(user.scope(), street, policy);
        publicity.noticeViewed(street, policy, rows.size());
        model.addAttribute("rows", rows);
        model.addAttribute("issuer", regions.find(street != null && street.matches("[0-9]{12}") ? street
                : user.getRegionCode()).map(r -> r.name()).orElse(user.getRegionName()));
        model.addAttribute("today", applications.today());
        return NOTICE_VIEW;
    }

    @PostMapping("/conclude")
    String conclude(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (user.getRole() != Role.DISTRICT_STAFF) {
            throw new AccessDeniedException("Publicity is concluded by the district");
        }
        int count = publicity.conclude(user.scope(), user.getUsername());
        redirect.addFlashAttribute("concludedCount", count);
        redirect.addFlashAttribute("flashSuccess", "application.publicity.concluded");
        return "redirect:/subsidies/publicity";
    }

    private void filters(String street, String policy, CurrentUser user, Model model) {
        model.addAttribute("street", street);
        model.addAttribute("policy", policy);
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("policyCodes", publicity.policyCodes(user.scope()));
        model.addAttribute("regionNames", regions.allNames());
    }
}
