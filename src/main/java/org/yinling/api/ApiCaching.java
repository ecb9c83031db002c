package org.yinling.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on every GET of the API (docs/api.md §5): a strong ETag, the hash of the answer's bytes, on every
 * successful GET, and {@code 304 Not Modified} without a body when the client's {@code If-None-Match} names it; and
 * {@code Cache-Control: private, no-cache} (only the client itself may keep an answer, and it asks again each time,
 * so an answer it kept is never used stale). The filter runs inside the security filters, after the caller is
 * checked: a 304 is only ever an answer to a client that may read the record. An answer is at most one page
 * ({@code ApiReads.MAX_LIMIT} records), which is what the filter holds in memory to hash.
 */
@Configuration(proxyBeanMethods = false)
class ApiCaching {

    static final String CACHE_CONTROL = "private, no-cache";

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ApiEtags());
        registration.addUrlPatterns("/api/*");
        registration.setName("apiEtagFilter");
        return registration;
    }

    /** The ETag filter for API GETs, which also says how an answer may be kept. */
    static class ApiEtags extends ShallowEtagHeaderFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            super.doFilterInternal(request, response, chain);
        }
    }
}
