package org.yinling.elder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/life-events} (death, move-out, move-in) and {@code POST /api/v1/status-changes} (economic
 * status, disability certificate): a single event or an array of up to 10,000, answered event by event in request
 * order (docs/api.md §6). A request whose shape is wrong anywhere is refused whole as a problem detail listing
 * each problem by event index and field (400; 413 past the limit), and nothing of it is applied.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class InboundEventController {

    private final InboundEventService service;
    private final MessageSource messages;

    InboundEventController(InboundEventService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** Where the problem types are named, as for the API's other problems (org.yinling.api.ApiProblems). */
    static final String PROBLEM_TYPES = "https://yinling.org/problems/";

    /** The answer: how many events the request held, how many had each outcome, and each event's result. */
    record Answer(int received, Map<String, Integer> outcomes, List<Result> results) {
    }

    /**
     * One event's result: its index in the request (from 0), its eventId, the outcome, a message in the caller's
     * language, and for a repeated delivery the outcome of the first ({@code null} otherwise).
     */
    record Result(int index, String eventId, String outcome, String message, String firstOutcome) {
    }

    /** A problem of one event's shape: index (null for the request as a whole), field (null for the event) and message. */
    record EventProblem(Integer index, String field, String message) {
    }

    @PostMapping(path = "/life-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_life-events:write')")
    Answer lifeEvents(@RequestBody JsonNode body, @AuthenticationPrincipal ApiCaller caller, Locale locale) {
        return receive(body, InboundEventReader.Route.LIFE_EVENTS, caller, locale);
    }

    @PostMapping(path = "/status-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_status-changes:write')")
    Answer statusChanges(@RequestBody JsonNode body, @AuthenticationPrincipal ApiCaller caller, Locale locale) {
        return receive(body, InboundEventReader.Route.STATUS_CHANGES, caller, locale);
    }

    private Answer receive(JsonNode body, InboundEventReader.Route route, ApiCaller caller, Locale locale) {
        List<InboundEvent> events;
        try {
            events = InboundEventReader.read(body, route);
        }
        catch (InboundEventReader.Refused refused) {
            throw problem(refused, locale);
        }
        List<Result> results = service.receive(events, caller).stream()
                .map(r -> new Result(r.index(), r.eventId(), r.outcome(),
                        messages.getMessage(r.messageKey(), r.arguments(), r.messageKey(), locale), r.firstOutcome()))
                .toList();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        results.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        return new Answer(results.size(), outcomes, results);
    }

    private ErrorResponseException problem(InboundEventReader.Refused refused, Locale locale) {
        HttpStatus status = refused.tooMany() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String key = refused.tooMany() ? "api.events.problem.tooMany" : "api.events.problem.invalid";
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create(PROBLEM_TYPES + (refused.tooMany() ? "events-too-many" : "events-invalid")));
        if (refused.tooMany()) {
            InboundEventReader.Problem only = refused.problems().get(0);
            problem.setDetail(messages.getMessage(key, only.arguments(), locale));
            problem.setProperty("limit", InboundEventReader.MAX_EVENTS);
        }
        else {
            problem.setDetail(messages.getMessage(key, new Object[] {refused.problems().size()}, locale));
            problem.setProperty("errors", refused.problems().stream()
                    .map(p -> new EventProblem(p.index(), p.field(),
                            messages.getMessage(p.messageKey(), p.arguments(), locale)))
                    .toList());
        }
        return new ErrorResponseException(status, problem, null);
    }
}
