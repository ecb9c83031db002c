package org.yinling.subsidy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

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
import org.yinling.region.IssuingBureaus;
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

    private final IssuingBureaus bureaus;
    private final MessageSource messages;

    PublicityController(PublicityService publicity, ApplicationService applications, Regions regions,
                        IssuingBureaus bureaus, MessageSource messages) {
        this.publicity = publicity;
        this.applications = applications;
        this.regions = regions;
        this.bureaus = bureaus;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String street, @RequestParam(required = false) String policy,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        filters(street, policy, user, model);
        model.addAttribute("rows", publicity.inPublicity(user.scope(), street, policy));
        model.addAttribute("mayConclude", user.getRole() == Role.DISTRICT_STAFF);
        return LIST_VIEW;
    }

    /**
     * The notice as posted: one sheet per community (where it is posted), each with its own heading and the bureau's
     * stamp; with {@code community} only that community's, else every community of the street (or scope) in one go,
     * a page break between them (issue 20 §3).
     */
    @GetMapping("/notice")
    String notice(@RequestParam(required = false) String street, @RequestParam(required = false) String policy,
                  @RequestParam(required = false) String community,
                  @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        filters(street, policy, user, model);
        List<PublicityRow> rows = publicity.inPublicity(user.scope(), street, policy);
        if (community != null && !community.isBlank()) {
            rows = rows.stream().filter(r -> r.communityCode().equals(community)).toList();
        }
        publicity.noticeViewed(street, policy, rows.size());
        Map<String, List<PublicityRow>> byCommunity = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(PublicityRow::communityCode))
                .forEach(r -> byCommunity.computeIfAbsent(r.communityCode(), c -> new ArrayList<>()).add(r));
        model.addAttribute("rows", rows);
        model.addAttribute("byCommunity", byCommunity);
        model.addAttribute("community", community);
        model.addAttribute("communities", regions.names(byCommunityAll(user, street, policy)));
        String anchor = community != null && community.matches("[0-9]{12}") ? community
                : street != null && street.matches("[0-9]{12}") ? street : user.getRegionCode();
        model.addAttribute("bureau", bureaus.of(anchor,
                district -> messages.getMessage("notice.bureau.default", new Object[] {district}, locale)));
        model.addAttribute("today", applications.today());
        return NOTICE_VIEW;
    }

    /** The communities with applications in publicity (for the notice's "one community" choice). */
    private List<String> byCommunityAll(CurrentUser user, String street, String policy) {
        return publicity.inPublicity(user.scope(), street, policy).stream().map(PublicityRow::communityCode)
                .distinct().sorted().toList();
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
