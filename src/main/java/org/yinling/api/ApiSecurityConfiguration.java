package org.yinling.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.yinling.account.ApiCaller;
import org.yinling.account.ApiCallerAuthentication;

/**
 * The API's filter chain, ahead of the pages' chain: everything under {@code /api/} is stateless (no session is read
 * or created, so a signed-in browser's cookie authenticates nothing here and CSRF tokens have nothing to protect),
 * and refusals are problem details, not the login page. A call carries a bearer token from
 * {@code POST /api/v1/token} (the one route open without a token); Spring Security's resource server checks its
 * signature and expiry ({@link ApiTokens#decoder()}), and the client it names is looked up on every call, so a
 * revoked client is refused at once. Then the client's rate limit and the call's audit line ({@link ApiCallFilter}).
 * What each route needs (a scope) is said at the route.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_PATHS = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiProblems problems, ApiTokens tokens,
                                       ApiRateLimiter limiter, ApiCallAudit audit) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problems.write(response,
                HttpStatus.UNAUTHORIZED, invalidToken(e) ? "api.problem.invalidToken" : "api.problem.unauthorized");
        AccessDeniedHandler forbidden = (request, response, e) ->
                problems.write(response, HttpStatus.FORBIDDEN, "api.problem.forbidden");
        http
                .securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, ApiTokenController.PATH).permitAll()
                        // only a checked client token: whatever else might authenticate a request is no API caller
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof ApiCallerAuthentication)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.authenticationManager(tokenChecks(tokens)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .addFilterAfter(new ApiCallFilter(limiter, audit, problems), AuthorizationFilter.class)
                .headers(headers -> headers.cacheControl(cache -> { }));
        return http.build();
    }

    /**
     * The check of a bearer token, by a manager of its own: it publishes no authentication events, so a call is not a
     * user's login (the pages' {@code LOGIN} and {@code LOGIN_FAILED} audit lines, with a token for a user name); the
     * call's own audit line is {@link ApiCallAudit}'s.
     */
    private static ProviderManager tokenChecks(ApiTokens tokens) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
        provider.setJwtAuthenticationConverter(source -> authentication(tokens, source));
        return new ProviderManager(provider);
    }

    /** A checked token's caller: its client as it is now, unless revoked (then the token is refused: 401). */
    private static AbstractAuthenticationToken authentication(ApiTokens tokens,
                                                              org.springframework.security.oauth2.jwt.Jwt jwt) {
        ApiClientStore.Credentials client = tokens.client(jwt)
                .orElseThrow(() -> new InvalidBearerTokenException("The client is revoked or unknown"));
        ApiCallerAuthentication authentication = new ApiCallerAuthentication(new ApiCaller(client.id(), client.name(),
                client.regionCode(), client.level(), java.util.Set.copyOf(client.scopes())));
        authentication.setDetails(new ApiCallFilter.RateLimit(client.rateLimitPerMinute()));
        return authentication;
    }

    private static boolean invalidToken(AuthenticationException e) {
        return e instanceof InvalidBearerTokenException;
    }
}
