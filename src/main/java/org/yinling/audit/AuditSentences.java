package org.yinling.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns audit events into what a person reads (issue 20 §2): a sentence per event with the actor's real name and the
 * object's label ("王敏 导出了 2026-12 的月度报表（区域：拱墅区）"), and the details as labelled field changes
 * ("角色：街道工作人员 → 区级工作人员"), never an action constant, a table name or JSON.
 * <p>
 * Sentences: {@code audit.sentence.<ACTION>} where an action has one, else {@code audit.sentence} built from the
 * action's label; placeholders by name: {@code {actor}}, {@code {object}} and any top-level detail ({@code {month}}).
 * Field labels: {@code audit.field.<key>}, else the label of a message key ending in {@code .<key>}; coded values
 * (an enum constant such as {@code DISTRICT_STAFF}): {@code audit.value.<CODE>}, else the label of a message key
 * ending in {@code .<CODE>} (e.g. {@code role.DISTRICT_STAFF}).
 */
@Component
class AuditSentences {

    /** The names of the codes on the page being rendered (see {@link #lines(List, Map, Locale)}). */
    private static final ThreadLocal<Map<String, String>> NAMES = ThreadLocal.withInitial(Map::of);
    /** A string value in JSON that may be a region code (12 digits) or a policy code. */
    private static final Pattern QUOTED_CODE = Pattern.compile("\"([0-9]{12}|[A-Z][A-Z0-9_-]{1,29})\"");
    /** A coded value: an enum constant's name. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");
    /** A value that may be a keyword of the application ("print", "edit"): looked up before it is shown. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]{0,30}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final int MAX_VALUE = 120;

    private final MessageSource messages;
    private final JsonMapper json;
    /** The last segment of every message key (a field or a constant) and the full keys that end with it. */
    private final Map<String, List<String>> keysBySuffix = new HashMap<>();

    AuditSentences(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        Properties all = new Properties();
        try (InputStream in = AuditSentences.class.getResourceAsStream("/messages.properties")) {
            if (in != null) {
                all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("messages.properties unreadable", e);
        }
        for (String key : all.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            if (dot > 0 && dot < key.length() - 1) {
                keysBySuffix.computeIfAbsent(key.substring(dot + 1), k -> new ArrayList<>()).add(key);
            }
        }
        // the shortest key first: "role.DISTRICT_STAFF" before "account.form.hint.role.DISTRICT_STAFF"
        keysBySuffix.values().forEach(keys -> keys.sort(Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder())));
    }

    List<AuditLine> lines(List<AuditEntry> entries, Locale locale) {
        return lines(entries, Map.of(), locale);
    }

    /** With {@code names}: region and policy codes found in the details, shown by their names. */
    List<AuditLine> lines(List<AuditEntry> entries, Map<String, String> names, Locale locale) {
        NAMES.set(names);
        try {
            return entries.stream().map(e -> line(e, locale)).toList();
        } finally {
            NAMES.remove();
        }
    }

    /** The codes among the entries' detail values that may name a region or a policy: for {@link AuditQueries#namesOf}. */
    java.util.Set<String> codesIn(List<AuditEntry> entries) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        Matcher m;
        for (AuditEntry entry : entries) {
            if (entry.details() == null) {
                continue;
            }
            m = QUOTED_CODE.matcher(entry.details());
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    AuditLine line(AuditEntry entry, Locale locale) {
        JsonNode details = parse(entry.details());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("actor", entry.actorName() == null ? entry.actor() : actorName(entry, locale));
        values.put("object", object(entry, locale));
        values.put("action", actionLabel(entry.action(), locale));
        if (details != null && details.isObject()) {
            for (Map.Entry<String, JsonNode> field : details.properties()) {
                if (field.getValue().isValueNode()) {
                    values.put(field.getKey(), value(field.getKey(), field.getValue(), locale));
                }
            }
        }
        String template = message("audit.sentence." + entry.action(), locale);
        if (template == null || missingPlaceholder(template, values)) {
            template = message("audit.sentence", locale);
        }
        return new AuditLine(entry, fill(template, values), changes(details, locale));
    }

    /** The label of an action, for the filter and the sentences: never the constant itself. */
    String actionLabel(String action, Locale locale) {
        String label = message("audit.action." + action, locale);
        return label != null ? label : message("audit.action.unknown", locale);
    }

    /** The label of a kind of record ("区域", "发放批次"), never the table's name. */
    String entityLabel(String entity, Locale locale) {
        String label = message("audit.entity." + entity, locale);
        return label != null ? label : message("audit.entity.unknown", locale);
    }

    private String actorName(AuditEntry entry, Locale locale) {
        if (AuditLog.SYSTEM.equals(entry.actor())) {
            return message("audit.actor.system", locale);
        }
        return entry.actorName();
    }

    private String object(AuditEntry entry, Locale locale) {
        String label = entityLabel(entry.entity(), locale);
        if (entry.objectName() != null) {
            return label + " " + entry.objectName();
        }
        if (entry.entityId() == null || entry.entityId().isBlank()) {
            return label;
        }
        return label + " " + message("audit.object.number", locale).replace("{0}", entry.entityId());
    }

    private List<AuditLine.Change> changes(JsonNode details, Locale locale) {
        List<AuditLine.Change> changes = new ArrayList<>();
        if (details == null || !details.isObject()) {
            return changes;
        }
        JsonNode before = details.get("before");
        JsonNode after = details.get("after");
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Map<String, Boolean> keys = new LinkedHashMap<>();
            before.propertyNames().forEach(k -> keys.put(k, true));
            after.propertyNames().forEach(k -> keys.put(k, true));
            for (String key : keys.keySet()) {
                JsonNode was = before.get(key);
                JsonNode is = after.get(key);
                if (!Objects.equals(was, is)) {
                    changes.add(new AuditLine.Change(fieldLabel(key, locale), value(key, was, locale), value(key, is, locale)));
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : details.properties()) {
            String key = field.getKey();
            if ((key.equals("before") || key.equals("after")) && before != null && after != null) {
                continue;
            }
            JsonNode node = field.getValue();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> inner : node.properties()) {
                    changes.add(new AuditLine.Change(fieldLabel(key, locale) + " · " + fieldLabel(inner.getKey(), locale),
                            null, value(inner.getKey(), inner.getValue(), locale)));
                }
            } else {
                changes.add(new AuditLine.Change(fieldLabel(key, locale), null, value(key, node, locale)));
            }
        }
        return changes;
    }

    String fieldLabel(String key, Locale locale) {
        String label = message("audit.field." + key, locale);
        if (label != null) {
            return label;
        }
        for (String candidate : keysBySuffix.getOrDefault(key, List.of())) {
            label = message(candidate, locale);
            if (label != null && !label.contains("{") && label.length() <= 20) {
                return label;
            }
        }
        // a key nobody labelled: "other", never the key itself (a code, or English on a Chinese page)
        return message("audit.field.unknownField", locale);
    }

    /** A value as a person reads it; {@code field} (may be null) names what it is, to pick the right label of a code. */
    private String value(String field, JsonNode node, Locale locale) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return message("audit.value.none", locale);
        }
        if (node.isBoolean()) {
            return message(node.booleanValue() ? "audit.value.true" : "audit.value.false", locale);
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            Iterator<JsonNode> it = node.iterator();
            while (it.hasNext() && parts.size() < 10) {
                parts.add(value(field, it.next(), locale));
            }
            if (node.size() > parts.size()) {
                parts.add("…");
            }
            return String.join("、", parts);
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> inner : node.properties()) {
                parts.add(fieldLabel(inner.getKey(), locale) + " " + value(inner.getKey(), inner.getValue(), locale));
            }
            return shorten(String.join("；", parts));
        }
        String text = node.isString() ? node.stringValue() : node.asString();
        if (text.isEmpty()) {
            return message("audit.value.none", locale);
        }
        String named = NAMES.get().get(text);
        if (named != null) {
            return named;
        }
        if (WORD.matcher(text).matches()) {
            String label = message("audit.value." + text, locale);
            if (label != null) {
                return label;
            }
        }
        if (CODE.matcher(text).matches()) {
            return codeLabel(field, text, locale);
        }
        return shorten(text);
    }

    /** The label of a coded value; a code no message names is spelled in lower case words, never as the constant. */
    String codeLabel(String code, Locale locale) {
        return codeLabel(null, code, locale);
    }

    /**
     * The label of a coded value of {@code field} (may be null): a message of that field's values first
     * ("economicStatus" NONE is "elder.economicStatus.NONE", not the shorter "indicator.status.NONE").
     */
    private String codeLabel(String field, String code, Locale locale) {
        String label = message("audit.value." + code, locale);
        if (label != null) {
            return label;
        }
        List<String> candidates = keysBySuffix.getOrDefault(code, List.of());
        if (field != null) {
            String segment = "." + field + ".";
            for (String candidate : candidates) {
                label = candidate.contains(segment) ? message(candidate, locale) : null;
                if (label != null && !label.contains("{")) {
                    return label;
                }
            }
        }
        for (String candidate : candidates) {
            label = message(candidate, locale);
            if (label != null && !label.contains("{")) {
                return label;
            }
        }
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
    }

    private JsonNode parse(String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        try {
            return json.readTree(details);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean missingPlaceholder(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String message(String key, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }
}
