package org.yinling.region;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.system.Paging;

/** Administration of the region tree (ADMIN only; see the security configuration). */
@Controller
@RequestMapping("/admin/regions")
class RegionAdminController {

    static final String LIST_VIEW = "admin/regions";
    static final String FORM_VIEW = "admin/region-form";
    private static final int PAGE_SIZE = 30;

    private final Regions regions;
    private final RegionStatistics statistics;
    private final RegionAdministration administration;

    RegionAdminController(Regions regions, RegionStatistics statistics, RegionAdministration administration) {
        this.regions = regions;
        this.statistics = statistics;
        this.administration = administration;
    }

    @ModelAttribute("urbanRuralClasses")
    List<UrbanRuralClass> urbanRuralClasses() {
        return Arrays.asList(UrbanRuralClass.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) String parent, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        RegionView parentRegion = parent == null || parent.isBlank() ? null : existing(parent);
        String text = q.trim();
        Page<RegionView> views = administration.list(parentRegion, text,
                Paging.of(page, PAGE_SIZE, Sort.by("code")));
        model.addAttribute("parent", parentRegion);
        model.addAttribute("path", parentRegion == null ? List.of() : regions.path(parentRegion.code()));
        model.addAttribute("q", text);
        model.addAttribute("regions", views);
        model.addAttribute("totals", statistics.totals(views.map(RegionView::code).getContent()));
        model.addAttribute("childLevel", parentRegion == null ? RegionLevel.DISTRICT : parentRegion.level().child());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) String parent, Model model) {
        RegionView parentRegion = parent == null || parent.isBlank() ? null : existing(parent);
        return showForm(RegionForm.blank(parentRegion), parentRegion, true, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") RegionForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        RegionView parentRegion = regions.find(form.parentCode()).orElse(null);
        // create() adds the tree's rules to Bean Validation's errors, so the user sees all problems at once
        if (administration.create(form, errors).isEmpty()) {
            return showForm(form, parentRegion, true, model);
        }
        redirect.addFlashAttribute("flashSuccess", "region.created");
        return "redirect:/admin/regions" + (parentRegion == null ? "" : "?parent=" + parentRegion.code());
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        RegionForm form = administration.editForm(code);
        RegionView parentRegion = regions.find(form.parentCode()).orElse(null);
        return showForm(form, parentRegion, false, model);
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") RegionForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        RegionView region = existing(code);
        RegionView parentRegion = regions.find(region.parentCode()).orElse(null);
        if (errors.hasErrors() || !administration.update(code, form, errors)) {
            return showForm(form, parentRegion, false, model);
        }
        redirect.addFlashAttribute("flashSuccess", "region.updated");
        return "redirect:/admin/regions" + (parentRegion == null ? "" : "?parent=" + parentRegion.code());
    }

    private String showForm(RegionForm form, RegionView parent, boolean creating, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("parent", parent);
        model.addAttribute("path", parent == null ? List.of() : regions.path(parent.code()));
        model.addAttribute("creating", creating);
        model.addAttribute("level", parent == null ? RegionLevel.DISTRICT : parent.level().child());
        return FORM_VIEW;
    }

    private RegionView existing(String code) {
        return regions.find(code).orElseThrow(() -> new RegionNotFoundException(code));
    }
}
