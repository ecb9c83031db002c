package org.yinling.api;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of the API is an RFC 9457 problem detail ({@code application/problem+json}): the standard MVC
 * exceptions through {@link ResponseEntityExceptionHandler}, the filter chain's 401 and 403 through
 * {@link #write}. The title is the status's phrase; the detail a message in the caller's language
 * (Accept-Language; Chinese by default); {@code type} names the kind of problem for a program to switch on.
 */
@Component
class ApiProblems {

    static final String TYPE_BASE = "https://yinling.org/problems/";

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem detail for {@code status}, its detail the message {@code key}. */
    ProblemDetail problem(HttpStatus status, String key, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create(TYPE_BASE + key.replaceFirst("^api\\.problem\\.", "").replace('.', '-')));
        return problem;
    }

    /** Writes a problem detail from a filter (outside MVC): the 401 and 403 of the API's chain. */
    void write(HttpServletResponse response, HttpStatus status, String key) throws IOException {
        ProblemDetail problem = problem(status, key);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The MVC side: standard exceptions of the API's controllers (every {@code @RestController}) as problem details. */
    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Advice extends ResponseEntityExceptionHandler {
    }

}
