package org.yinling.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Chinese (zh-CN) by default; {@code ?lang=en} or {@code ?lang=zh-CN} switches and a cookie remembers it. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("yinling-lang") {
            /** The API (no cookies, no ?lang): the caller's Accept-Language, Chinese when it sends none. */
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    jakarta.servlet.http.HttpServletRequest request) {
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    return new org.springframework.context.i18n.SimpleLocaleContext(
                            request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE
                                    : request.getLocale());
                }
                return super.resolveLocaleContext(request);
            }
        };
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Spring Boot registers this filter because webjars-locator-lite is present; it then looks up every link a page
     * writes as a possible static resource inside the jar, uncached for misses: most of a list page's CPU at city
     * scale (docs/performance.md). WebJar URLs without versions are resolved when requested, so it is not needed.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** "Service unavailable" while the database is down, around everything that may touch it (sessions too). */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            org.thymeleaf.ITemplateEngine templates, LocaleResolver locales) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(templates, locales));
        registration.setOrder(DatabaseUnavailableFilter.ORDER);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.ASYNC);
        return registration;
    }

    /** Control characters in request parameters and direct requests for the error page, refused for every request. */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter() {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter());
        registration.setOrder(RequestInputFilter.ORDER);
        // request dispatches only: the error dispatch it causes carries the same parameters
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Dates in requests are {@code yyyy-MM-dd} with a four-digit year (what date inputs send), for every date bound from
     * a request, with or without {@code @DateTimeFormat}: ISO parsing alone accepts years up to ±999,999,999, which the
     * date arithmetic of a page or PostgreSQL then refuses with a 500. A date that does not parse is a binding error
     * (a field message, or the 400 page).
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new RequestDates());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        // the API is stateless: its language is the caller's Accept-Language, and a ?lang= there sets no cookie
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }
}
