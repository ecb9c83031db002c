package org.yinling.elder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks the shape of an API request of life events or status changes (issue 22 §3) before anything is stored: a
 * single event object or an array of at most {@link #MAX_EVENTS}; each event an object with only the fields of its
 * route, of the right JSON types, the required ones present, the date an ISO-8601 date, the type one of the route's,
 * and every eventId once. A request that breaks any of these is refused whole (every problem listed by the event's
 * index and field) and nothing of it is applied. What needs the registry's rules (a resident ID whose check digit is
 * wrong, an unknown economic status, a date in the future) is not a problem of shape: such an event gets its own
 * outcome and the others go ahead.
 */
final class InboundEventReader {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_ID_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 100;

    /** The fields and types of one route. */
    enum Route {
        LIFE_EVENTS(Set.of(StatusImportKind.DEATH, StatusImportKind.MOVE_OUT, StatusImportKind.MOVE_IN),
                Set.of("eventId", "type", "residentId", "date", "communityCode", "documentNo")),
        STATUS_CHANGES(Set.of(StatusImportKind.ECONOMIC_STATUS, StatusImportKind.DISABILITY),
                Set.of("eventId", "type", "residentId", "date", "economicStatus", "disabilityCategory",
                        "disabilityLevel", "documentNo"));

        private final Set<StatusImportKind> kinds;
        private final Set<String> fields;

        Route(Set<StatusImportKind> kinds, Set<String> fields) {
            this.kinds = kinds;
            this.fields = fields;
        }
    }

    /** A problem of shape: the event's index (null for the request itself), the field, a message key and arguments. */
    record Problem(Integer index, String field, String messageKey, Object... arguments) {
    }

    /** The request was refused whole; nothing is applied. */
    static final class Refused extends RuntimeException {

        private final transient List<Problem> problems;
        private final boolean tooMany;

        Refused(List<Problem> problems, boolean tooMany) {
            super("inbound events refused", null, false, false);
            this.problems = List.copyOf(problems);
            this.tooMany = tooMany;
        }

        List<Problem> problems() {
            return problems;
        }

        /** More events than {@link #MAX_EVENTS}: 413, not 400. */
        boolean tooMany() {
            return tooMany;
        }
    }

    private InboundEventReader() {
    }

    /** The events of the request in its order. @throws Refused if its shape is wrong anywhere */
    static List<InboundEvent> read(JsonNode body, Route route) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new Refused(List.of(new Problem(null, null, "api.events.problem.body")), false);
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isObject()) {
            nodes.add(body);
        }
        else {
            body.values().forEach(nodes::add);
        }
        if (nodes.size() > MAX_EVENTS) {
            throw new Refused(List.of(new Problem(null, null, "api.events.problem.tooMany", MAX_EVENTS,
                    nodes.size())), true);
        }
        if (nodes.isEmpty()) {
            throw new Refused(List.of(new Problem(null, null, "api.events.problem.empty")), false);
        }
        List<Problem> problems = new ArrayList<>();
        List<InboundEvent> events = new ArrayList<>(nodes.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            InboundEvent event = event(i, nodes.get(i), route, problems);
            if (event == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(event.eventId(), i);
            if (earlier != null) {
                problems.add(new Problem(i, "eventId", "api.events.problem.duplicateId", earlier));
            }
            events.add(event);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems, false);
        }
        return events;
    }

    private static InboundEvent event(int index, JsonNode node, Route route, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(index, null, "api.events.problem.notObject"));
            return null;
        }
        int before = problems.size();
        for (String field : node.propertyNames()) {
            if (!route.fields.contains(field)) {
                problems.add(new Problem(index, field, "api.events.problem.unknownField"));
            }
        }
        Fields fields = new Fields(index, node, route.fields, problems);
        String eventId = fields.text("eventId", true, MAX_ID_LENGTH);
        String type = fields.text("type", true, 20);
        String residentId = fields.text("residentId", true, 40);
        String dateText = fields.text("date", true, 10);
        String documentNo = fields.text("documentNo", false, MAX_TEXT_LENGTH);
        StatusImportKind kind = null;
        if (type != null) {
            kind = route.kinds.stream().filter(k -> k.name().equals(type)).findFirst().orElse(null);
            if (kind == null) {
                problems.add(new Problem(index, "type", "api.events.problem.type",
                        String.join(", ", route.kinds.stream().map(Enum::name).sorted().toList())));
            }
        }
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            }
            catch (DateTimeParseException e) {
                problems.add(new Problem(index, "date", "api.events.problem.date"));
            }
        }
        String community = fields.text("communityCode", kind == StatusImportKind.MOVE_IN, 12);
        String economic = fields.text("economicStatus", kind == StatusImportKind.ECONOMIC_STATUS, 20);
        String category = fields.text("disabilityCategory", kind == StatusImportKind.DISABILITY, 20);
        Integer level = fields.integer("disabilityLevel", kind == StatusImportKind.DISABILITY);
        if (kind != null) {
            fields.onlyFor(kind, StatusImportKind.MOVE_IN, "communityCode");
            fields.onlyFor(kind, StatusImportKind.ECONOMIC_STATUS, "economicStatus");
            fields.onlyFor(kind, StatusImportKind.DISABILITY, "disabilityCategory", "disabilityLevel");
        }
        if (problems.size() > before) {
            // still takes part in the duplicate check when its id could be read
            return eventId == null ? null : new InboundEvent(index, eventId, StatusImportKind.DEATH, "", LocalDate.EPOCH,
                    null, null, null, null, null);
        }
        return new InboundEvent(index, eventId, kind, residentId, date, community, economic, category, level,
                documentNo);
    }

    /** Reads the fields of one event, adding a problem for each missing, mistyped or overlong one. */
    private record Fields(int index, JsonNode node, Set<String> routeFields, List<Problem> problems) {

        String text(String field, boolean required, int maxLength) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                problems.add(new Problem(index, field, "api.events.problem.notText"));
                return null;
            }
            String text = value.stringValue().strip();
            if (required && text.isEmpty()) {
                problems.add(new Problem(index, field, "api.events.problem.missing"));
                return null;
            }
            if (text.length() > maxLength) {
                problems.add(new Problem(index, field, "api.events.problem.tooLong", maxLength));
                return null;
            }
            return text.isEmpty() ? null : text;
        }

        Integer integer(String field, boolean required) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problems.add(new Problem(index, field, "api.events.problem.notInteger"));
                return null;
            }
            return value.intValue();
        }

        /** The field's value if the route has it and it is there (not null); a problem if required and absent. */
        private JsonNode present(String field, boolean required) {
            if (!routeFields.contains(field)) {
                return null;
            }
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(new Problem(index, field, "api.events.problem.missing"));
                }
                return null;
            }
            return value;
        }

        /** A field that belongs to another type of event is refused, so that nothing sent is silently ignored. */
        void onlyFor(StatusImportKind kind, StatusImportKind owner, String... names) {
            if (kind == owner) {
                return;
            }
            for (String name : names) {
                if (!routeFields.contains(name)) {
                    continue;
                }
                JsonNode value = node.get(name);
                if (value != null && !value.isNull()) {
                    problems.add(new Problem(index, name, "api.events.problem.notForType", kind.name()));
                }
            }
        }
    }
}
