package org.yinling.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.yinling.account.ApiCallerAuthentication;

/**
 * The API's filter chain, ahead of the pages' chain: everything under {@code /api/} is stateless (no session is read
 * or created, so a signed-in browser's cookie authenticates nothing here and CSRF tokens have nothing to protect),
 * and refusals are problem details, not the login page. What each route needs (a scope) is said at the route.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_PATHS = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiProblems problems) throws Exception {
        http
                .securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        // only a checked client token: whatever else might authenticate a request is no API caller
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof ApiCallerAuthentication)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, HttpStatus.UNAUTHORIZED, "api.problem.unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "api.problem.forbidden")))
                .headers(headers -> headers.cacheControl(cache -> { }));
        return http.build();
    }
}
