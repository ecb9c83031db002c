package org.yinling.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of the API is an RFC 9457 problem detail ({@code application/problem+json}): the standard MVC
 * exceptions through {@link ResponseEntityExceptionHandler}, the filter chain's 401, 403 and 429 through
 * {@link #write}, and the refusals made before any controller is chosen (an unknown path: 404, a wrong method: 405,
 * a wrong content type: 415) by {@link Unmapped} for paths under {@code /api/}. The title is the status's phrase; the
 * detail a message in the caller's language (Accept-Language; Chinese by default); {@code type} names the kind of
 * problem for a program to switch on. The only exception is the token endpoint, whose errors are RFC 6749's.
 */
@Component
class ApiProblems {

    static final String TYPE_BASE = "https://yinling.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem detail for {@code status}, its detail the message {@code key}. */
    ProblemDetail problem(HttpStatusCode status, String key, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, arguments, locale()));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? null : known.getReasonPhrase());
        problem.setType(URI.create(TYPE_BASE + key.replaceFirst("^api\\.problem\\.", "").replace('.', '-')));
        return problem;
    }

    /**
     * The caller's language: its Accept-Language when it sends one (a program has no cookie nor session for the
     * pages' language choice), else the application's default (Chinese).
     */
    private static Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            return attributes.getRequest().getLocale();
        }
        return LocaleContextHolder.getLocale();
    }

    /** Writes a problem detail from a filter (outside MVC): the 401, 403 and 429 of the API's chain. */
    void write(HttpServletResponse response, HttpStatus status, String key, Object... arguments) throws IOException {
        ProblemDetail problem = problem(status, key, arguments);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "api.problem.invalidToken".equals(key)
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private ResponseEntity<Object> answer(HttpStatusCode status, String key, Object... arguments) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, key, arguments));
    }

    /** Whether the request is an API call (its refusals are problem details; a page's are pages). */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The MVC side: exceptions of the API's controllers (every {@code @RestController}) as problem details. */
    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Advice extends ResponseEntityExceptionHandler {

        private final ApiProblems problems;

        Advice(ApiProblems problems) {
            this.problems = problems;
        }

        /** Unreadable JSON, an unknown field, a value of the wrong type: 400 naming the field. */
        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
            // the outermost Jackson exception knows the field (a date's own parse error, deeper, does not)
            Throwable cause = ex.getCause();
            while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return problems.answer(HttpStatus.BAD_REQUEST, "api.problem.unknownField", path(unknown));
            }
            if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
                return problems.answer(HttpStatus.BAD_REQUEST, "api.problem.wrongType", path(mismatched));
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                    && !(cause instanceof StreamReadException)) {
                return problems.answer(HttpStatus.BAD_REQUEST, "api.problem.wrongType", path(jackson));
            }
            return problems.answer(HttpStatus.BAD_REQUEST, "api.problem.unreadable");
        }

        @Override
        protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                        HttpStatusCode status, WebRequest request) {
            return problems.answer(HttpStatus.NOT_FOUND, "api.problem.notFound");
        }

        /** A method's scope check ({@code @PreAuthorize}) refused: 403, as the filter chain would say it. */
        @ExceptionHandler(AccessDeniedException.class)
        ResponseEntity<Object> forbidden() {
            return problems.answer(HttpStatus.FORBIDDEN, "api.problem.forbidden");
        }

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ResponseEntity<Object> conflict() {
            return problems.answer(HttpStatus.CONFLICT, "api.problem.conflict");
        }

        /** Anything else: 500 without the exception's text (it may hold data), logged with the path only. */
        @ExceptionHandler(RuntimeException.class)
        ResponseEntity<Object> failure(RuntimeException ex, HttpServletRequest request) {
            log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), ex);
            return problems.answer(HttpStatus.INTERNAL_SERVER_ERROR, "api.problem.internal");
        }

        /** {@code items[3].birthDate}: where in the body the problem is. */
        private static String path(JacksonException ex) {
            StringBuilder path = new StringBuilder();
            List<JacksonException.Reference> references = ex.getPath();
            for (JacksonException.Reference reference : references) {
                if (reference.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(reference.getPropertyName());
                }
                else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            String text = path.toString();
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
    }

    /**
     * What is refused before a controller is chosen (no handler, so {@link Advice} does not apply): under
     * {@code /api/} a problem detail; elsewhere unchanged (rethrown, so the standard resolvers answer as before).
     */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Unmapped {

        private final ApiProblems problems;

        Unmapped(ApiProblems problems) {
            this.problems = problems;
        }

        @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
        ResponseEntity<Object> notFound(Exception ex, HttpServletRequest request) throws Exception {
            return apiOnly(ex, request, HttpStatus.NOT_FOUND, "api.problem.notFound");
        }

        @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
        ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
                throws Exception {
            ResponseEntity<Object> answer = apiOnly(ex, request, HttpStatus.METHOD_NOT_ALLOWED,
                    "api.problem.methodNotAllowed", request.getMethod());
            return ResponseEntity.status(answer.getStatusCode()).headers(ex.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
        }

        @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
        ResponseEntity<Object> unsupportedType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
                throws Exception {
            return apiOnly(ex, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.problem.unsupportedMediaType",
                    ex.getSupportedMediaTypes().stream().map(Object::toString).reduce((a, b) -> a + ", " + b)
                            .orElse(""));
        }

        @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
        ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
                throws Exception {
            return apiOnly(ex, request, HttpStatus.NOT_ACCEPTABLE, "api.problem.notAcceptable");
        }

        private ResponseEntity<Object> apiOnly(Exception ex, HttpServletRequest request, HttpStatus status, String key,
                                               Object... arguments) throws Exception {
            if (!isApi(request)) {
                throw ex;
            }
            return problems.answer(status, key, arguments);
        }
    }
}
