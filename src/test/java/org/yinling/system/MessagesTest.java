package org.yinling.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.yinling.account.Role;
import org.yinling.elder.AssessmentGroup;
import org.yinling.elder.AssessmentItem;
import org.yinling.elder.CapabilityLevel;
import org.yinling.elder.CapabilityScoring;
import org.yinling.elder.InvalidResidentIdException;
import org.yinling.elder.Sex;
import org.yinling.region.RegionLevel;
import org.yinling.region.UrbanRuralClass;

import org.yinling.subsidy.ApplicationSource;
import org.yinling.subsidy.ApplicationStage;
import org.yinling.subsidy.DecisionAction;
import org.yinling.subsidy.DocumentType;
import org.yinling.subsidy.EntitlementStatus;
import org.yinling.subsidy.PolicyKind;
import org.yinling.subsidy.PolicyStatus;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a message key present in both languages, and no template carries hard-coded text.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Literal keys in templates: #{key} and #{key(args)}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");
    /** Literal keys handed to Spring from Java: rejectValue/reject/flash attributes. */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:rejectValue\\([^,]+,\\s*|reject\\(|addFlashAttribute\\(\"flash\\w+\",\\s*|\\?\\s*|:\\s*|new NavItem\\()\"([a-z][A-Za-z]*\\.[\\w.]*\\w)\"");
    /** Visible attributes that must be translated when present. */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "data-confirm");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(difference(zh, en)).as("keys missing from messages_en.properties").isEmpty();
        assertThat(difference(en, zh)).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames()).as(file)
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            collect(TEMPLATE_KEY, Files.readString(template), used);
        }
        for (Path source : files(SOURCES, ".java")) {
            collect(JAVA_KEY, Files.readString(source), used);
        }
        for (Role role : Role.values()) {
            used.add(role.messageKey());
            used.add("user.region.level." + role.name());
        }
        for (RegionLevel level : RegionLevel.values()) {
            used.add(level.messageKey());
            used.add("region.code.levelDigits." + level.name().toLowerCase());
        }
        for (UrbanRuralClass c : UrbanRuralClass.values()) {
            used.add(c.messageKey());
        }
        Stream.of(Sex.values()).map(Sex::messageKey).forEach(used::add);
        Stream.of(AssessmentGroup.values()).map(AssessmentGroup::messageKey).forEach(used::add);
        Stream.of(AssessmentItem.values()).map(AssessmentItem::messageKey).forEach(used::add);
        Stream.of(CapabilityLevel.values()).map(CapabilityLevel::messageKey).forEach(used::add);
        Stream.of(InvalidResidentIdException.Reason.values())
                .map(r -> new InvalidResidentIdException(r).messageKey()).forEach(used::add);
        Stream.of(PolicyKind.values()).map(PolicyKind::messageKey).forEach(used::add);
        Stream.of(org.yinling.dashboard.Indicator.values()).forEach(i -> {
            used.add(i.messageKey());
            used.add(i.helpKey());
        });
        Stream.of(org.yinling.dashboard.TargetStatus.values()).map(org.yinling.dashboard.TargetStatus::messageKey).forEach(used::add);
        Stream.of("OPERATING", "CONSTRUCTION", "MEAL").map(kind -> "dashboard.payee." + kind).forEach(used::add);
        Stream.of(PolicyStatus.values()).map(PolicyStatus::messageKey).forEach(used::add);
        Stream.of(ApplicationStage.values()).map(ApplicationStage::messageKey).forEach(used::add);
        Stream.of(ApplicationSource.values()).map(ApplicationSource::messageKey).forEach(used::add);
        Stream.of(DecisionAction.values()).map(DecisionAction::messageKey).forEach(used::add);
        Stream.of(EntitlementStatus.values()).map(EntitlementStatus::messageKey).forEach(used::add);
        Stream.of(DocumentType.values()).map(DocumentType::messageKey).forEach(used::add);
        Stream.of(Frequency.values()).map(Frequency::messageKey).forEach(used::add);
        Stream.of(Operator.values()).map(Operator::messageKey).forEach(used::add);
        Stream.of(Connective.values()).map(Connective::messageKey).forEach(used::add);
        for (org.yinling.subsidy.rule.Attribute attribute : org.yinling.subsidy.rule.Attribute.values()) {
            used.add(attribute.messageKey());
            attribute.choices().forEach(choice -> used.add(attribute.choiceMessageKey(choice)));
        }
        Stream.of(org.yinling.payment.BatchState.values()).map(org.yinling.payment.BatchState::messageKey).forEach(used::add);
        Stream.of(org.yinling.payment.LineKind.values()).map(org.yinling.payment.LineKind::messageKey).forEach(used::add);
        Stream.of(org.yinling.payment.LineStatus.values()).map(org.yinling.payment.LineStatus::messageKey).forEach(used::add);
        Stream.of("OPEN", "RECOVERED", "WAIVED").map(s -> "payment.recovery.state." + s).forEach(used::add);
        Stream.of("DECEASED", "MOVED_OUT").map(s -> "payment.recovery.reason." + s).forEach(used::add);
        Stream.of("name", "residentId", "bank", "account", "amount", "reference", "month", "kind", "policy",
                "community", "group", "lines").map(c -> "payment.export.column." + c).forEach(used::add);
        Stream.of(org.yinling.institution.InstitutionKind.values()).map(org.yinling.institution.InstitutionKind::messageKey).forEach(used::add);
        Stream.of(org.yinling.institution.Ownership.values()).map(org.yinling.institution.Ownership::messageKey).forEach(used::add);
        Stream.of(org.yinling.institution.InstitutionStatus.values()).map(org.yinling.institution.InstitutionStatus::messageKey).forEach(used::add);
        Stream.of(org.yinling.institution.MedicalArrangement.values()).map(org.yinling.institution.MedicalArrangement::messageKey).forEach(used::add);
        Stream.of(org.yinling.institution.Payer.values()).map(org.yinling.institution.Payer::messageKey).forEach(used::add);
        Stream.of("FREE", "OCCUPIED", "RESERVED").map(s -> "institution.bed." + s).forEach(used::add);
        Stream.of(org.yinling.institution.WaitingCategory.values()).map(org.yinling.institution.WaitingCategory::messageKey).forEach(used::add);
        Stream.of(1, 2, 3, 4, 5, 9).map(n -> "nav.group." + n).forEach(used::add);
        Stream.of("LOCAL", "MINIMUM_LIVING", "EXTREME_POVERTY").map(c -> "institution.rates." + c).forEach(used::add);
        used.add("payment.lineKind.OPERATING");
        Stream.of(org.yinling.meal.MealPointKind.values()).map(org.yinling.meal.MealPointKind::messageKey).forEach(used::add);
        Stream.of(org.yinling.meal.MealKind.values()).map(org.yinling.meal.MealKind::messageKey).forEach(used::add);
        Stream.of(org.yinling.meal.MealMode.values()).map(org.yinling.meal.MealMode::messageKey).forEach(used::add);
        Stream.of(org.yinling.rate.Rates.Problem.values()).map(org.yinling.rate.Rates.Problem::messageKey).forEach(used::add);
        used.add("rate.problem.TABLE");
        used.add("grant.noRate");
        used.add("payment.lineKind.CONSTRUCTION");
        used.add("payment.lineKind.MEAL");
        Stream.of("POVERTY", "AGE_80", "AGE_60", "OPERATING").map(k -> "meal.rates." + k).forEach(used::add);
        Stream.of("badId", "badMeal", "repeated", "unknownElder").map(k -> "meal.import." + k).forEach(used::add);
        Stream.of(org.yinling.institution.GrantTier.values()).map(org.yinling.institution.GrantTier::messageKey).forEach(used::add);
        Stream.of("done", "notPrivate", "bedsInvalid", "already", "notAllowed", "reasonRequired", "changed",
                "publicityRunning").map(k -> "grant." + k).forEach(used::add);
        Stream.of("APPROVE", "REJECT", "RETURN").map(a -> "application.decided." + a).forEach(used::add);
        Stream.of("NOT_ELIGIBLE", "TIER_CHANGED").map(r -> "application.recheck.reason." + r).forEach(used::add);
        Stream.of("ELDER_DECEASED", "ELDER_MOVED_OUT").map(r -> "application.stopReason." + r).forEach(used::add);
        Stream.of("elderNotActive", "notQualified", "tierChanged", "payeeMissing")
                .map(r -> "application.clean." + r).forEach(used::add);
        Stream.of("approved", "notFound").map(r -> "application.bulk." + r).forEach(used::add);
        used.add(CapabilityScoring.ADJUSTMENT_COMA);
        used.add(CapabilityScoring.ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER);
        used.add(CapabilityScoring.ADJUSTMENT_RISK_EVENTS);
        Set<String> zh = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(used).as("message keys found in templates and code").hasSizeGreaterThan(100);
        assertThat(difference(used, zh)).as("used keys missing from messages.properties").isEmpty();
        assertThat(difference(used, en)).as("used keys missing from messages_en.properties").isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : document.getAllElements()) {
                boolean textReplaced = element.attributes().asList().stream()
                        .map(Attribute::getKey)
                        .anyMatch(k -> k.equals("th:text") || k.equals("th:utext") || k.equals("th:replace")
                                || k.equals("th:insert") || k.equals("th:errors"));
                String own = element.ownText().trim();
                if (!textReplaced && isWords(own) && !element.tagName().equals("title")) {
                    offences.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + own);
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && isWords(element.attr(attribute))) {
                        offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(offences).as("hard-coded text in templates").isEmpty();
    }

    /** Letters (any script) make text visible prose; digits, punctuation and symbols alone do not. */
    private static boolean isWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
