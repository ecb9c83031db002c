package org.yinling.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the read API's controllers (issue 22, in each module that owns the data) share: the request parameters every
 * list reads (a cursor, a page size, a month), the page they answer with ({@link Page}: {@code items} and
 * {@code nextCursor}, plus a {@code Link: <…>; rel="next"} header), and the problem details a bad parameter or a record
 * outside the caller's region answers with. Each problem's detail is a message key {@code api.problem.*} in the
 * caller's language, resolved by the API's exception handler ({@code org.yinling.api.ApiProblems}); its {@code type}
 * is {@code https://yinling.org/problems/<key>}. See docs/api.md §5.
 */
public final class ApiReads {

    /** The page size when none is asked for, and the largest one allowed. */
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    private static final String TYPE_BASE = "https://yinling.org/problems/";
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,7}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern POSITION = Pattern.compile("v1\\|([0-9A-Za-z-]{0,40})\\|([0-9]{1,18})");
    private static final Pattern CODE = Pattern.compile("[0-9]{12}");
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,18}");

    private ApiReads() {
    }

    /**
     * Where a page ends in a list ordered by ({@code key}, {@code id}): the next page starts after it. Clients see it
     * only as an opaque cursor ({@link #cursor()}).
     */
    public record Position(String key, long id) {

        public Position {
            if (key == null || !key.matches("[0-9A-Za-z-]{0,40}") || id < 0) {
                throw new IllegalArgumentException("Not a position: " + key + " " + id);
            }
        }

        /** The opaque cursor of this position: base64url of a versioned text, never to be parsed by a client. */
        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("v1|" + key + "|" + id).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A page of a list: its items in order and the cursor of the next page ({@code null} on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * The page's answer: the page as the body and, when there is a next page, a {@code Link} header to it (the
     * request's own URL with the next cursor).
     */
    public static <T> ResponseEntity<Page<T>> answer(List<T> items, Optional<Position> next) {
        String cursor = next.map(Position::cursor).orElse(null);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (cursor != null) {
            String link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", cursor)
                    .build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return answer.body(new Page<>(items, cursor));
    }

    /** The position a {@code cursor} parameter names (none: the first page); a cursor we did not write is a 400. */
    public static Optional<Position> position(String cursor, Pattern keyPattern) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        if (!CURSOR.matcher(cursor).matches()) {
            throw badRequest("api.problem.bad-cursor");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        }
        catch (IllegalArgumentException e) {
            throw badRequest("api.problem.bad-cursor");
        }
        var matcher = POSITION.matcher(text);
        if (!matcher.matches() || !keyPattern.matcher(matcher.group(1)).matches()) {
            throw badRequest("api.problem.bad-cursor");
        }
        return Optional.of(new Position(matcher.group(1), Long.parseLong(matcher.group(2))));
    }

    /** The page size a {@code limit} parameter asks for: {@link #DEFAULT_LIMIT} when absent, 1 to {@link #MAX_LIMIT}. */
    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!LIMIT.matcher(limit).matches() || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw badRequest("api.problem.bad-limit", String.valueOf(MAX_LIMIT));
        }
        return Integer.parseInt(limit);
    }

    /** A required month {@code YYYY-MM} (years 1900 to 9999). */
    public static YearMonth month(String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw badRequest("api.problem.bad-month");
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 1900) {
                throw badRequest("api.problem.bad-month");
            }
            return parsed;
        }
        catch (DateTimeParseException e) {
            throw badRequest("api.problem.bad-month");
        }
    }

    /** An optional 12-digit region code parameter ({@code name} for the message); malformed is a 400. */
    public static Optional<String> regionCode(String code, String name) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        if (!CODE.matcher(code).matches()) {
            throw badRequest("api.problem.bad-region", name);
        }
        return Optional.of(code);
    }

    /** A record id from a path: digits only, else the record does not exist (404, like any other unknown id). */
    public static long recordId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw notFound();
        }
        return Long.parseLong(id);
    }

    /** A 400 problem whose detail is the message {@code key} (an {@code api.problem.*} key) with {@code arguments}. */
    public static ErrorResponseException badRequest(String key, Object... arguments) {
        return problem(HttpStatus.BAD_REQUEST, key, arguments);
    }

    /**
     * The 404 of a record or region that does not exist or lies outside the caller's region: the two look the same,
     * so the answer never says whether it exists elsewhere.
     */
    public static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, "api.problem.not-found");
    }

    private static ErrorResponseException problem(HttpStatus status, String key, Object... arguments) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(status.getReasonPhrase());
        body.setType(URI.create(TYPE_BASE + key.replaceFirst("^api\\.problem\\.", "")));
        return new ErrorResponseException(status, body, null, key, arguments);
    }
}
