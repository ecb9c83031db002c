package org.yinling.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.region.Regions;

/**
 * The printed capability assessment report (老年人能力评估报告, issue 20 §3): each GB/T 42195 item with its score, the
 * group totals, the total, the level (and what adjusted it), the assessor and boxes for signatures.
 */
@Controller
class AssessmentReportController {

    static final String VIEW = "elders/assessment-report";

    private final ElderService elders;
    private final AssessmentService assessments;
    private final Regions regions;
    private final Clock clock;

    AssessmentReportController(ElderService elders, AssessmentService assessments, Regions regions, Clock clock) {
        this.elders = elders;
        this.assessments = assessments;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/elders/{id}/assessments/report")
    String report(@PathVariable long id, @RequestParam(required = false) Long assessment,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        var found = assessments.report(id, assessment, user).orElse(null);
        ElderDetails elder = ElderDetails.of(elders.load(id, user), clock, user);
        model.addAttribute("elder", elder);
        model.addAttribute("printedOn", LocalDate.now(clock));
        if (found == null) {
            if (assessment != null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            // an elder not yet assessed: the page says so (the elder's page links here only from an assessment)
            model.addAttribute("assessment", null);
            return VIEW;
        }
        Map<String, Integer> scores = found.getValue();
        Map<AssessmentGroup, List<AssessmentItem>> itemsByGroup = new LinkedHashMap<>();
        Map<AssessmentGroup, Integer> groupTotals = new LinkedHashMap<>();
        for (AssessmentGroup group : AssessmentGroup.values()) {
            List<AssessmentItem> items = AssessmentItem.of(group);
            itemsByGroup.put(group, items);
            groupTotals.put(group, items.stream().mapToInt(i -> scores.getOrDefault(i.name(), 0)).sum());
        }
        model.addAttribute("communityPath", regions.path(elder.communityCode()));
        model.addAttribute("assessment", found.getKey());
        model.addAttribute("scores", scores);
        model.addAttribute("itemsByGroup", itemsByGroup);
        model.addAttribute("groupTotals", groupTotals);
        return VIEW;
    }
}
