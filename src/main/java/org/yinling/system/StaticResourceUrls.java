package org.yinling.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static files under URLs that carry a hash of their content ({@code /css/app-<md5>.css}, also the webjars), so that
 * browsers may keep them for a year (issue 20 §7; spring.web.resources.* in application.properties). Thymeleaf writes
 * every link through {@code HttpServletResponse.encodeURL}; this filter's response rewrites the links under the static
 * folders only. Spring's own ResourceUrlEncodingFilter looks every link up as a possible resource, pages and all, and
 * misses are not cached: that was most of a list page's CPU at city scale, which is why WebConfiguration switches it
 * off. Hits are cached by the resource chain (spring.web.resources.chain.cache, on by default).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceUrls {

    /** The folders of static files (src/main/resources/static and the webjars); nothing else is looked up. */
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    @Bean
    FilterRegistrationBean<StaticUrlFilter> staticUrlFilter(ObjectProvider<ResourceUrlProvider> urls) {
        FilterRegistrationBean<StaticUrlFilter> registration = new FilterRegistrationBean<>(new StaticUrlFilter(urls));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    static final class StaticUrlFilter extends OncePerRequestFilter {

        private final ObjectProvider<ResourceUrlProvider> urls;

        StaticUrlFilter(ObjectProvider<ResourceUrlProvider> urls) {
            this.urls = urls;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ResourceUrlProvider provider = urls.getIfAvailable();
            if (provider == null) {
                chain.doFilter(request, response);
                return;
            }
            String contextPath = request.getContextPath();
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public String encodeURL(String url) {
                    return super.encodeURL(versioned(provider, contextPath, url));
                }
            });
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }

    /** The URL with its path replaced by the content-versioned one when it names a static file; else unchanged. */
    static String versioned(ResourceUrlProvider provider, String contextPath, String url) {
        if (!url.startsWith(contextPath)) {
            return url;
        }
        int end = url.length();
        for (char c : new char[] {'?', '#', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = url.substring(contextPath.length(), end);
        if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
            return url;
        }
        String resolved = provider.getForLookupPath(path);
        return resolved == null ? url : contextPath + resolved + url.substring(end);
    }
}
