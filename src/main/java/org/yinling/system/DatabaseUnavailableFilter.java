package org.yinling.system;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the database cannot be reached, every page answers 503 with a plain "service unavailable" page instead of
 * a stack trace or a long hang (the pool gives up after {@code spring.datasource.hikari.connection-timeout}).
 *
 * <p>It wraps the whole filter chain, so it also catches failures before Spring MVC runs: Spring Session loading the
 * session from PostgreSQL, Spring Security loading the user of a login. Nothing is cached: the next request tries the
 * database again, so the application recovers by itself once the database is back. The page is rendered here, from a
 * template that needs neither the session nor the database.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String VIEW = "error/503";
    /** Before Spring Session's filter ({@code SessionRepositoryFilter.DEFAULT_ORDER}). */
    static final int ORDER = Integer.MIN_VALUE + 40;

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    DatabaseUnavailableFilter(ITemplateEngine templates, LocaleResolver locales) {
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | IOException | RuntimeException e) {
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            // the cause's class only: its message may carry a user name or a query's values
            log.warn("Database unreachable during {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootCause(e).getClass().getName());
            render(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        Locale locale;
        try {
            // ?lang= is normally applied by Spring MVC's interceptor, which this request never reached
            String asked = request.getParameter(WebConfiguration.LANGUAGE_PARAMETER);
            locale = asked != null && asked.matches("[a-zA-Z]{2}([-_][a-zA-Z]{2})?")
                    ? Locale.forLanguageTag(asked.replace('_', '-')) : locales.resolveLocale(request);
        }
        catch (RuntimeException e) {
            locale = Locale.SIMPLIFIED_CHINESE;
        }
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
                locale);
        templates.process(VIEW, context, response.getWriter());
        response.flushBuffer();
    }

    /** A failure to reach PostgreSQL, however wrapped: pool timeout, refused connection, server shutting down. */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException   // includes CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException   // Hikari: connection is not available
                    || t instanceof ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")            // connection exception
                        || sql.getSQLState().startsWith("57P0"))) {   // admin shutdown, crash shutdown, cannot connect now
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
