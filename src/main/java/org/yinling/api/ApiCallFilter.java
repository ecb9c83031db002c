package org.yinling.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yinling.account.ApiCaller;
import org.yinling.account.ApiCallerAuthentication;

/**
 * In the API's chain, once the caller is known: the client's rate limit (over it: 429 with Retry-After), then the
 * call, then its audit line (client, method, path, status). Not a bean, so that it runs in the API's chain only.
 */
class ApiCallFilter extends OncePerRequestFilter {

    /** The limit a checked token's client has, carried as its authentication's details. */
    record RateLimit(int perMinute) {
    }

    private final ApiRateLimiter limiter;
    private final ApiCallAudit audit;
    private final ApiProblems problems;

    ApiCallFilter(ApiRateLimiter limiter, ApiCallAudit audit, ApiProblems problems) {
        this.limiter = limiter;
        this.audit = audit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiCallerAuthentication client)) {
            chain.doFilter(request, response);
            return;
        }
        ApiCaller caller = client.getPrincipal();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (client.getDetails() instanceof RateLimit limit) {
            long retryAfter = limiter.acquire(caller.clientId(), limit.perMinute());
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "api.problem.tooManyRequests",
                        limit.perMinute());
                audit.record(caller, request.getMethod(), path, HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
        }
        int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        }
        finally {
            audit.record(caller, request.getMethod(), path, status);
        }
    }
}
