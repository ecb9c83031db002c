package org.yinling.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.Paging;

/**
 * Star ratings: the region's ratings ({@code /supervision/ratings}), an institution's ratings with the application
 * form ({@code /supervision/institutions/{id}/ratings}), and one rating with the district's scoring form.
 */
@Controller
class RatingController {

    static final String LIST_VIEW = "supervision/ratings";
    static final String INSTITUTION_VIEW = "supervision/institution-ratings";
    static final String VIEW = "supervision/rating";

    private final Ratings ratings;
    private final Certificates certificates;

    RatingController(Ratings ratings, Certificates certificates) {
        this.ratings = ratings;
        this.certificates = certificates;
    }

    @GetMapping("/supervision/ratings")
    String list(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("ratings", ratings.list(Paging.of(page, Ratings.PAGE_SIZE), user));
        model.addAttribute("byGrade", ratings.byGrade(user.scope()));
        model.addAttribute("today", ratings.today());
        return LIST_VIEW;
    }

    @GetMapping("/supervision/institutions/{id}/ratings")
    String institution(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showInstitution(id, null, "", "", user, model);
    }

    @PostMapping("/supervision/institutions/{id}/ratings")
    String apply(@PathVariable long id, @RequestParam(defaultValue = "") String grade,
                 @RequestParam(defaultValue = "") String appliedOn, @AuthenticationPrincipal CurrentUser user,
                 Model model, RedirectAttributes redirect) {
        BindingResult errors = new MapBindingResult(new HashMap<>(), "application");
        Integer chosen = null;
        try {
            chosen = grade.isBlank() ? null : Integer.valueOf(grade.strip());
        }
        catch (NumberFormatException e) {
            errors.reject("supervision.rating.error.grade");
        }
        LocalDate on = null;
        try {
            on = appliedOn.isBlank() ? null : LocalDate.parse(appliedOn.strip());
        }
        catch (DateTimeParseException e) {
            errors.reject("supervision.rating.error.appliedOn");
        }
        Long applied = errors.hasErrors() ? null : ratings.apply(id, chosen, on, user, errors);
        if (applied == null) {
            return showInstitution(id, errors, grade, appliedOn, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.rating.applied");
        return "redirect:/supervision/institutions/" + id + "/ratings";
    }

    @GetMapping("/supervision/ratings/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            RatingForm form = new RatingForm();
            form.setRatedOn(ratings.today());
            model.addAttribute("form", form);
        }
        return showRating(id, user, model);
    }

    @PostMapping("/supervision/ratings/{id}")
    String decide(@PathVariable long id, @ModelAttribute("form") RatingForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Integer grade = errors.hasErrors() ? null : ratings.decide(id, form, user, errors);
        if (grade == null) {
            return showRating(id, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", grade == 0 ? "supervision.rating.decidedNone" : "supervision.rating.decided");
        return "redirect:/supervision/ratings/" + id;
    }

    private String showInstitution(long id, BindingResult errors, String grade, String appliedOn, CurrentUser user,
                                   Model model) {
        CertificateStore.InstitutionRef institution = certificates.institution(id, user);
        model.addAttribute("institution", institution);
        model.addAttribute("ratings", ratings.ofInstitution(id, user));
        model.addAttribute("scheme", ratings.schemeFor(institution).orElse(null));
        model.addAttribute("mayApply", Ratings.mayApply(user, id));
        model.addAttribute("problems", errors == null ? java.util.List.of() : errors.getAllErrors());
        model.addAttribute("grade", grade);
        model.addAttribute("appliedOn", appliedOn.isBlank() ? ratings.today().toString() : appliedOn);
        model.addAttribute("today", ratings.today());
        return INSTITUTION_VIEW;
    }

    private String showRating(long id, CurrentUser user, Model model) {
        RatingStore.Rating rating = ratings.rating(id, user);
        model.addAttribute("rating", rating);
        model.addAttribute("scheme", ratings.scheme(rating.schemeId()));
        model.addAttribute("sections", RatingSection.values());
        model.addAttribute("mayDecide", !rating.decided() && user.hasRole(Role.DISTRICT_STAFF));
        model.addAttribute("today", ratings.today());
        return VIEW;
    }
}
