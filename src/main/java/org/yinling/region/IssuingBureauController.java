package org.yinling.region;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau that issues each district's notices, with the address and telephone for objections (issue 20 §3):
 * set by the administrator per district; streets and communities take their district's.
 */
@Controller
class IssuingBureauController {

    static final String VIEW = "admin/bureaux";

    private final Regions regions;
    private final IssuingBureaus bureaus;

    IssuingBureauController(Regions regions, IssuingBureaus bureaus) {
        this.regions = regions;
        this.bureaus = bureaus;
    }

    @GetMapping("/admin/bureaux")
    String list(Model model) {
        List<RegionView> districts = regions.ofLevel(RegionLevel.DISTRICT);
        model.addAttribute("districts", districts);
        model.addAttribute("bureaux", bureaus.setFor(districts.stream().map(RegionView::code).toList()));
        return VIEW;
    }

    @PostMapping("/admin/bureaux/{code}")
    String set(@PathVariable String code, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String phone,
               @AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        boolean district = regions.find(code).map(r -> r.level() == RegionLevel.DISTRICT).orElse(false);
        if (!district) {
            redirect.addFlashAttribute("flashError", "bureau.noSuchDistrict");
        } else if (name.isBlank() || name.strip().length() > 100 || address.strip().length() > 200
                || phone.strip().length() > 40) {
            redirect.addFlashAttribute("flashError", "bureau.invalid");
        } else {
            bureaus.set(code, name, address, phone, user.getUsername());
            redirect.addFlashAttribute("flashSuccess", "bureau.saved");
        }
        return "redirect:/admin/bureaux";
    }
}
