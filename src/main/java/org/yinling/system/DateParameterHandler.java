package org.yinling.system;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A small form that posts a single date as a request parameter (a discharge, a transfer, a price from a date, a
 * waiting-list entry) and whose date cannot be read (a six-digit year typed into a browser's date input): instead of
 * a bare 400 page, the user goes back to the page the form is on with a message that says what to type. Forms bound
 * to a form record get a field message instead ({@link UnboundFormGuard}). Anything else that does not convert stays
 * a bad request, as before.
 */
@ControllerAdvice
class DateParameterHandler {

    static final String MESSAGE = "typeMismatch.java.time.LocalDate";

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String unreadable(MethodArgumentTypeMismatchException failure, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        Class<?> type = failure.getRequiredType();
        String back = samePage(request);
        if ("POST".equals(request.getMethod()) && back != null
                && (type == LocalDate.class || type == YearMonth.class)) {
            RequestContextUtils.getOutputFlashMap(request).put("flashError",
                    type == LocalDate.class ? MESSAGE : "typeMismatch.java.time.YearMonth");
            return "redirect:" + back;
        }
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
    }

    /** The path (and query) of the page the form was sent from, when it is a page of this application. */
    private static String samePage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(referer.strip());
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || !path.startsWith(context)) {
                return null;
            }
            path = path.substring(context.length());
            return (path.isEmpty() ? "/" : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
