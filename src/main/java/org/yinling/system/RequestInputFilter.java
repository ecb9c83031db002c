package org.yinling.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Input no page of ours ever sends, refused before any of our code (or Spring Security's login) sees it:
 * <ul>
 *   <li>a request parameter (name or value; query string, form fields and the text fields of a multipart form) with
 *   a control character: U+0000–U+001F except tab, line feed and carriage return (which a text area sends), and
 *   U+007F. PostgreSQL refuses U+0000 in text and jsonb, so such a value would fail somewhere deep inside (the
 *   penetration test's export whose audit row failed after the file had gone out); the others have no place in any
 *   field either. Answered 400 with the friendly error page;</li>
 *   <li>the error page's path asked for directly ({@code GET /error}): Spring Boot's error controller would answer
 *   it as a 500 without an error. It is not a page: 404.</li>
 * </ul>
 * Registered for request dispatches only ({@link WebConfiguration}), after Spring Session and before Spring Security,
 * so it runs for every request, logged in or not; the error dispatch it causes renders the page.
 */
class RequestInputFilter extends OncePerRequestFilter {

    /** After Spring Session's filter ({@code Integer.MIN_VALUE + 50}), before Spring Security's (-100). */
    static final int ORDER = -110;
    static final String ERROR_PATH = "/error";

    private static final Logger log = LoggerFactory.getLogger(RequestInputFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ERROR_PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request))) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        if (carriesControlCharacter(request.getParameterMap())) {
            // never the value itself: it is hostile input, and may be personal data typed into a URL
            log.info("Refused {} {}: a request parameter carries a control character", request.getMethod(),
                    request.getRequestURI());
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean carriesControlCharacter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
