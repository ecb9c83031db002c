package org.yinling.subsidy;

import org.springframework.stereotype.Component;
import org.yinling.subsidy.rule.PolicyRule;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code subsidy_policy.rule}. */
@Component
class PolicyRuleJson {

    private final JsonMapper json;

    PolicyRuleJson(JsonMapper json) {
        this.json = json;
    }

    String write(PolicyRule rule) {
        return json.writeValueAsString(rule);
    }

    PolicyRule read(String text) {
        return json.readValue(text, PolicyRule.class);
    }
}
