package org.yinling.subsidy;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/** The review queue of the current user, with bulk approval of clean cases. */
@Controller
@RequestMapping("/subsidies/reviews")
class ReviewController {

    static final String QUEUE_VIEW = "subsidies/reviews/queue";

    private final ReviewQueue queue;
    private final ApplicationService service;
    private final Regions regions;
    private final ApplicationStore store;

    ReviewController(ReviewQueue queue, ApplicationService service, Regions regions, ApplicationStore store) {
        this.store = store;
        this.queue = queue;
        this.service = service;
        this.regions = regions;
    }

    @GetMapping
    String queue(ApplicationSearch search, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("queueStage", ApplicationStages.queueOf(user.getRole()).orElse(null));
        model.addAttribute("applications", queue.of(user, search));
        model.addAttribute("communities", regions.within(user.scope(), RegionLevel.COMMUNITY));
        model.addAttribute("policyChoices", store.policyChoices(user.scope()));
        model.addAttribute("sources", Arrays.asList(ApplicationSource.values()));
        model.addAttribute("regionNames", regions.allNames());
        return QUEUE_VIEW;
    }

    /** Approves the checked clean cases one by one; the report lists what was approved and what was skipped. */
    @PostMapping("/approve")
    String bulkApprove(@RequestParam(name = "selected", required = false) List<String> selected,
                       @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        List<ApplicationService.BulkLine> report = service.bulkApprove(selected, user);
        redirect.addFlashAttribute("bulkReport", report);
        redirect.addFlashAttribute("bulkApproved", report.stream().filter(ApplicationService.BulkLine::approved).count());
        redirect.addFlashAttribute("bulkSkipped", report.stream().filter(line -> !line.approved()).count());
        return "redirect:/subsidies/reviews";
    }
}
