package org.yinling.supervision;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;

/** {@code /supervision/checklists}: the checklist in force (or an earlier version), and the district's new version. */
@Controller
@RequestMapping("/supervision/checklists")
class ChecklistController {

    static final String VIEW = "supervision/checklist";
    static final String FORM_VIEW = "supervision/checklist-form";

    private final Checklists checklists;

    ChecklistController(Checklists checklists) {
        this.checklists = checklists;
    }

    @GetMapping
    String show(@RequestParam(required = false) Integer version, Model model) {
        Checklist checklist = checklists.version(version);
        model.addAttribute("checklist", checklist);
        model.addAttribute("groups", ChecklistItem.byArea(checklists.items(checklist)));
        model.addAttribute("versions", checklists.versions());
        return VIEW;
    }

    @GetMapping("/new")
    String newVersion(Model model) {
        model.addAttribute("form", checklists.newVersionForm());
        return showForm(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") ChecklistForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Integer version = errors.hasErrors() ? null : checklists.create(form, user, errors);
        if (version == null) {
            form.fill();
            return showForm(model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.checklist.created");
        return "redirect:/supervision/checklists?version=" + version;
    }

    private String showForm(Model model) {
        model.addAttribute("areas", Area.values());
        model.addAttribute("severities", Severity.values());
        return FORM_VIEW;
    }
}
