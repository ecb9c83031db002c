package org.yinling.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;

/** The GB/T 42195-2022 assessment form of an elder. */
@Controller
@RequestMapping("/elders/{id}/assessments")
class AssessmentController {

    static final String FORM_VIEW = "elders/assessment-form";

    private final ElderService elders;
    private final AssessmentService assessments;
    private final AssessmentAdministration administration;
    private final Clock clock;

    AssessmentController(ElderService elders, AssessmentService assessments, AssessmentAdministration administration,
                         Clock clock) {
        this.administration = administration;
        this.clock = clock;
        this.elders = elders;
        this.assessments = assessments;
    }

    @ModelAttribute
    void choices(Model model) {
        Map<AssessmentGroup, List<AssessmentItem>> itemsByGroup = new LinkedHashMap<>();
        for (AssessmentGroup group : AssessmentGroup.values()) {
            itemsByGroup.put(group, AssessmentItem.of(group));
        }
        model.addAttribute("itemsByGroup", itemsByGroup);
        model.addAttribute("reasons", Arrays.asList(AssessmentReason.values()));
        model.addAttribute("levels", Arrays.asList(CapabilityLevel.values()));
        model.addAttribute("riskEventThreshold", CapabilityScoring.RISK_EVENT_THRESHOLD);
        model.addAttribute("itemCount", AssessmentItem.values().length);
        model.addAttribute("reviewCauses", Arrays.asList(ReviewCause.values()));
    }

    @GetMapping("/new")
    String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        AssessmentForm form = new AssessmentForm();
        form.setAssessedOn(LocalDate.now(clock));
        form.setAssessor(user.getDisplayName());
        return show(id, form, user, model);
    }

    @PostMapping
    String create(@PathVariable long id, @Valid @ModelAttribute("form") AssessmentForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (assessments.assess(id, form, errors, user).isEmpty()) {
            return show(id, form, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "assessment.created");
        return "redirect:/elders/" + id;
    }

    private String show(long id, AssessmentForm form, CurrentUser user, Model model) {
        model.addAttribute("elder", ElderDetails.of(elders.load(id, user), clock, user));
        model.addAttribute("form", form);
        model.addAttribute("agencies", administration.agencies(user));
        return FORM_VIEW;
    }
}
