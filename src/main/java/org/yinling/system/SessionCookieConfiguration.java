package org.yinling.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie of Spring Session, set here rather than left to property mapping: HttpOnly (no script reads
 * it) and SameSite=Lax (not sent with cross-site posts), whatever the servlet session properties say.
 *
 * <p>{@code Secure}: as {@code server.servlet.session.cookie.secure} says (the {@code prod} profile sets it to true),
 * which this serializer would otherwise ignore, since it replaces the one Spring Boot configures from those
 * properties. Without the property the cookie is {@code Secure} when the request came over HTTPS, which behind a TLS
 * proxy is known only with a forwarded-headers strategy ({@code server.forward-headers-strategy}, docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    @Bean
    CookieSerializer sessionCookieSerializer(@Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        if (secure != null) {
            serializer.setUseSecureCookie(secure);
        }
        return serializer;
    }
}
