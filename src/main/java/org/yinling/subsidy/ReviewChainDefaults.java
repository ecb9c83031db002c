package org.yinling.subsidy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The global publicity length (yinling.subsidy.publicity-days, 7 days by default) for the pages that show a policy's
 * review chain: a policy without a length of its own uses it.
 */
@ControllerAdvice(assignableTypes = {PolicyController.class, ApplicationController.class})
class ReviewChainDefaults {

    private final int publicityDays;

    ReviewChainDefaults(@Value("${yinling.subsidy.publicity-days:7}") int publicityDays) {
        this.publicityDays = publicityDays;
    }

    @ModelAttribute
    void defaults(Model model) {
        model.addAttribute("defaultPublicityDays", publicityDays);
    }
}
