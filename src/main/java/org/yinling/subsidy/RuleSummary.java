package org.yinling.subsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.Tier;
import org.yinling.subsidy.rule.ValueType;

/**
 * A policy rule in plain words, e.g. 本地户籍、80 周岁及以上 (in English: aged 80 or over and local hukou): who
 * qualifies in one line, and each tier with its amount. Every word comes from the messages (keys {@code rule.summary.*}), every value
 * from its label; no attribute or choice code reaches the text.
 */
@Component
public class RuleSummary {

    private final MessageSource messages;

    RuleSummary(MessageSource messages) {
        this.messages = messages;
    }

    /** Who qualifies, in one line. */
    public String eligibility(PolicyRule rule, Locale locale) {
        List<CriterionGroup> groups = rule.eligibility().groups().stream()
                .filter(group -> !group.criteria().isEmpty()).toList();
        if (groups.isEmpty()) {
            return message("rule.summary.everyone", locale);
        }
        boolean or = rule.eligibility().connective() == Connective.OR;
        List<String> parts = new ArrayList<>();
        for (CriterionGroup group : groups) {
            String text = group(group, locale);
            // a group of alternatives inside "all of", or of conditions inside "any of", needs its brackets
            boolean bracket = groups.size() > 1 && group.criteria().size() > 1
                    && (group.connective() == Connective.OR) != or;
            parts.add(bracket ? message("rule.summary.bracket", locale, text) : text);
        }
        return String.join(message(or ? "rule.summary.or" : "rule.summary.and", locale), parts);
    }

    /** Each tier in words: its condition (or "everyone else who qualifies") and its amount. */
    public List<String> tiers(PolicyRule rule, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Tier tier : rule.tiers()) {
            String who = tier.condition() == null
                    ? message(rule.tiers().size() == 1 ? "rule.summary.tier.all" : "rule.summary.tier.others", locale)
                    : criterion(tier.condition(), locale);
            lines.add(message("rule.summary.tier", locale, who, amount(tier.amount())));
        }
        return lines;
    }

    /** The whole rule in one paragraph: who qualifies, then the amounts. */
    public String full(PolicyRule rule, Locale locale) {
        return message("rule.summary.full", locale, eligibility(rule, locale),
                String.join(message("rule.summary.tierSeparator", locale), tiers(rule, locale)));
    }

    private String group(CriterionGroup group, Locale locale) {
        List<String> parts = group.criteria().stream().map(criterion -> criterion(criterion, locale)).toList();
        return String.join(message(group.connective() == Connective.OR ? "rule.summary.or" : "rule.summary.and",
                locale), parts);
    }

    String criterion(Criterion criterion, Locale locale) {
        Attribute attribute = criterion.attribute();
        String name = message(attribute.messageKey(), locale);
        List<String> values = criterion.values();
        if (attribute.type() == ValueType.BOOLEAN) {
            boolean yes = Boolean.parseBoolean(values.get(0)) == (criterion.operator().name().equals("EQ"));
            return yes ? name : message("rule.summary.not", locale, name);
        }
        if (attribute.type() == ValueType.CHOICE) {
            List<String> labels = values.stream()
                    .map(value -> message(attribute.choiceMessageKey(value), locale)).toList();
            String joined = String.join(message("rule.summary.or", locale), labels);
            return switch (criterion.operator()) {
                case NE -> message("rule.summary.choice.not", locale, name, joined);
                default -> message("rule.summary.choice", locale, name, joined);
            };
        }
        String prefix = attribute == Attribute.AGE ? "rule.summary.age." : "rule.summary.number.";
        return switch (criterion.operator()) {
            case BETWEEN -> message(prefix + "BETWEEN", locale, name, values.get(0), values.get(1));
            default -> message(prefix + criterion.operator().name(), locale, name, values.get(0));
        };
    }

    private static String amount(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
