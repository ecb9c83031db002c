package org.yinling.subsidy;

import java.util.Arrays;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;

/** The choices of the policy form's selects, for every page that shows the form or its rule fields. */
@ControllerAdvice(assignableTypes = {PolicyController.class, PolicySimulationController.class})
class PolicyFormChoices {

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", Arrays.asList(PolicyKind.values()));
        model.addAttribute("statuses", Arrays.asList(PolicyStatus.values()));
        model.addAttribute("frequencies", Arrays.asList(Frequency.values()));
        model.addAttribute("deliveries", Arrays.asList(PolicyDelivery.values()));
        model.addAttribute("governmentShares", PolicyForm.SHARES);
        model.addAttribute("connectives", Arrays.asList(Connective.values()));
        model.addAttribute("attributes", Arrays.asList(Attribute.values()));
        model.addAttribute("operators", Arrays.asList(Operator.values()));
        model.addAttribute("choiceAttributes", Arrays.stream(Attribute.values())
                .filter(attribute -> !attribute.choices().isEmpty()).toList());
    }
}
