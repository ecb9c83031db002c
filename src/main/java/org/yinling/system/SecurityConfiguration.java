package org.yinling.system;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login, CSRF, session fixation protection and strict headers. Routes by role here; what a user may see inside
 * a route (their region) is enforced by the data-access layer of each module.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The session cookie's name (Spring Session's default); {@code server.servlet.session.cookie.*} sets the rest. */
    static final String SESSION_COOKIE = "SESSION";

    /** Roles that enter and correct records (in their region). */
    static final String[] RECORD_KEEPERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK"};
    /** Roles that read records (in their region). */
    static final String[] READERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER"};
    /** Roles that read home-care pages: the readers of records, and a provider's manager (their provider only). */
    static final String[] HOME_CARE_READERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER",
            "PROVIDER_MANAGER"};
    /** Roles that change home-care records (each service method says which of them may do what). */
    static final String[] HOME_CARE_WRITERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK",
            "PROVIDER_MANAGER"};

    /** Roles that read visit pages: the readers of records, and visitors (their bound elders only). */
    static final String[] VISIT_READERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER", "VISITOR"};
    /** Roles that record visits, major events and tier raises. */
    static final String[] VISIT_WRITERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "VISITOR"};

    /** Roles that read an institution's page: the readers of records, and an institution's manager (their own). */
    static final String[] INSTITUTION_PAGE_READERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER",
            "INSTITUTION_MANAGER"};
    /** Roles that read findings and incidents: staff and managers (their region), an institution's manager (their own). */
    static final String[] SUPERVISION_READERS = {"DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER", "INSTITUTION_MANAGER"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // the API's OpenAPI document and its interactive page: administrators (issue 22)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**")
                        .hasRole("ADMIN")
                        // the registry: everyone who works with elders reads it; managers only read
                        .requestMatchers(HttpMethod.GET, "/elders/new", "/elders/*/edit", "/elders/*/assessments/new",
                                "/elders/import", "/elders/import/template")
                        .hasAnyRole(RECORD_KEEPERS)
                        .requestMatchers(HttpMethod.GET, "/elders", "/elders/**").hasAnyRole(READERS)
                        .requestMatchers("/elders", "/elders/**").hasAnyRole(RECORD_KEEPERS)
                        // subsidies: policies belong to the district (and the administrator); who may act at which
                        // stage of the review chain, and in which region, is checked by the services
                        // policy simulation: read-only figures for managers as well (it saves nothing)
                        .requestMatchers("/subsidies/simulation", "/subsidies/simulation/**")
                        .hasAnyRole("MANAGER", "DISTRICT_STAFF", "ADMIN")
                        .requestMatchers("/subsidies/policies", "/subsidies/policies/**")
                        .hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        // institutions: the district registers them; streets and the district admit and discharge
                        // rate tables: the administrator sets the city default, the district its own overrides (module rate)
                        .requestMatchers(HttpMethod.GET, "/institutions/rates").hasAnyRole("ADMIN", "DISTRICT_STAFF", "MANAGER")
                        .requestMatchers("/institutions/rates").hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/institutions/new", "/institutions/*/edit").hasRole("DISTRICT_STAFF")
                        // the transfer form (with the free beds) only for those who may transfer
                        .requestMatchers(HttpMethod.GET, "/institutions/*/stays/*/transfer")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        // an institution's manager (issue 23): their own institution's page only (the store finds no
                        // other), read only
                        .requestMatchers(HttpMethod.GET, "/institutions/mine").hasRole("INSTITUTION_MANAGER")
                        .requestMatchers(HttpMethod.GET, "/institutions/*").hasAnyRole(INSTITUTION_PAGE_READERS)
                        .requestMatchers(HttpMethod.GET, "/institutions", "/institutions/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/institutions/*/admissions", "/institutions/*/stays/**")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        // construction grants: who acts at which stage is checked by GrantService
                        .requestMatchers(HttpMethod.POST, "/institutions/*/grants", "/institutions/*/grants/**")
                        .hasAnyRole(RECORD_KEEPERS)
                        .requestMatchers("/institutions", "/institutions/**").hasRole("DISTRICT_STAFF")
                        // the caregiver edit form only for those who may save it
                        .requestMatchers(HttpMethod.GET, "/caregivers/*/edit").hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        .requestMatchers(HttpMethod.GET, "/waiting-list", "/waiting-list/**", "/caregivers", "/caregivers/**")
                        .hasAnyRole(READERS)
                        .requestMatchers("/waiting-list/**", "/caregivers", "/caregivers/**")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        // meal points: everyone reads; the district registers points; record keepers record meals
                        .requestMatchers(HttpMethod.GET, "/meal-points/rates").hasAnyRole("ADMIN", "DISTRICT_STAFF", "MANAGER")
                        .requestMatchers("/meal-points/rates").hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/meal-points/categories").hasAnyRole("ADMIN", "DISTRICT_STAFF", "MANAGER")
                        .requestMatchers("/meal-points/categories", "/meal-points/categories/**").hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/meal-points", "/meal-points/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/meal-points/*/meals", "/meal-points/*/meals/import",
                                "/meal-points/*/meals/scan", "/meal-points/*/meals/*/undo")
                        .hasAnyRole(RECORD_KEEPERS)
                        .requestMatchers("/meal-points", "/meal-points/**").hasRole("DISTRICT_STAFF")
                        // payments: the district's; recoveries also the streets'; an elder's history wherever the elder is
                        .requestMatchers(HttpMethod.GET, "/payments/elders/**").hasAnyRole(READERS)
                        .requestMatchers("/payments/recoveries", "/payments/recoveries/**")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        .requestMatchers("/payments/**").hasRole("DISTRICT_STAFF")
                        // dashboards and reports: read by everyone who reads records, each for their own region; the
                        // district records the streets' dedicated staff
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**", "/reports/**").hasAnyRole(READERS)
                        .requestMatchers("/dashboard/**").hasRole("DISTRICT_STAFF")
                        // home care: a care worker's own pages; the rest for the region's staff and the provider's
                        // manager, each service method narrowing by role and each store by region or provider
                        .requestMatchers("/home-care/work", "/home-care/work/**").hasRole("CARE_WORKER")
                        .requestMatchers(HttpMethod.GET, "/home-care", "/home-care/**").hasAnyRole(HOME_CARE_READERS)
                        .requestMatchers("/home-care/**").hasAnyRole(HOME_CARE_WRITERS)
                        // visits (issue 19): visitors their bound elders, staff their region; VisitRoutes says who
                        // does what, each service and store narrows further
                        .requestMatchers(HttpMethod.GET, "/visits/rules/roster/**", "/visits/rules/tiers/**")
                        .hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/visits/rules", "/visits/rules/**")
                        .hasAnyRole("ADMIN", "DISTRICT_STAFF", "STREET_REVIEWER", "COMMUNITY_CLERK", "MANAGER")
                        .requestMatchers("/visits/rules", "/visits/rules/**").hasAnyRole("ADMIN", "DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/visits/visitors").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.GET, "/visits/elders/*/new").hasAnyRole(VISIT_WRITERS)
                        .requestMatchers(HttpMethod.GET, "/visits", "/visits/**").hasAnyRole(VISIT_READERS)
                        .requestMatchers("/visits/visitors", "/visits/visitors/**", "/visits/roster/**",
                                "/visits/alerts/**").hasAnyRole(RECORD_KEEPERS)
                        .requestMatchers("/visits/**").hasAnyRole(VISIT_WRITERS)
                        // supervision (issue 23): district and street staff inspect and follow up, managers read;
                        // the district keeps the checklist and reviews incidents; each store narrows to the user's region
                        // certificates and ratings: an institution's manager reads and records those of their own
                        // institution (the service checks it is theirs), the district records and scores
                        .requestMatchers(HttpMethod.GET, "/supervision/institutions/*/certificates",
                                "/supervision/institutions/*/ratings")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER", "INSTITUTION_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/supervision/institutions/*/certificates",
                                "/supervision/institutions/*/certificates/*/scan",
                                "/supervision/institutions/*/ratings").hasAnyRole("DISTRICT_STAFF", "INSTITUTION_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/supervision/ratings/*").hasRole("DISTRICT_STAFF")
                        .requestMatchers(HttpMethod.GET, "/supervision/checklists/new").hasRole("DISTRICT_STAFF")
                        // an institution's manager: their findings (answered with a rectification and evidence) and
                        // incidents (reported, never deleted); the stores find nothing of another institution
                        .requestMatchers(HttpMethod.GET, "/supervision/findings", "/supervision/findings/*",
                                "/supervision/incidents", "/supervision/incidents/*", "/supervision/attachments/*")
                        .hasAnyRole(SUPERVISION_READERS)
                        .requestMatchers(HttpMethod.POST, "/supervision/findings/*/rectification", "/supervision/incidents")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER", "INSTITUTION_MANAGER")
                        .requestMatchers(HttpMethod.GET, "/supervision/**")
                        .hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER", "MANAGER")
                        .requestMatchers("/supervision/checklists", "/supervision/checklists/**").hasRole("DISTRICT_STAFF")
                        .requestMatchers("/supervision/incidents/*/review").hasRole("DISTRICT_STAFF")
                        // the consequences of findings and the deadlines are the district's settings
                        .requestMatchers("/supervision/settings", "/supervision/deadlines").hasRole("DISTRICT_STAFF")
                        .requestMatchers("/supervision/**").hasAnyRole("DISTRICT_STAFF", "STREET_REVIEWER")
                        .requestMatchers(HttpMethod.GET, "/subsidies/**").hasAnyRole(READERS)
                        .requestMatchers("/subsidies/**").hasAnyRole(RECORD_KEEPERS)
                        .anyRequest().authenticated())
                // provider users reach the home-care pages only, visitors the visit pages, institution managers the supervision and
                // institution pages, whatever a route's rule says
                .addFilterAfter(new SectionConfinement(), AuthorizationFilter.class)
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(backToTheSavedPageOnThisSite())
                        .failureHandler(new LoginFailureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies(SESSION_COOKIE))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        // track sessions so that disabling a user or resetting their password ends their sessions
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        // sent on HTTPS requests only (the browser ignores it over HTTP); behind the TLS proxy the
                        // prod profile's forwarded-headers strategy is what makes a request count as HTTPS
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Sessions live in PostgreSQL (Spring Session JDBC), so every node sees every session; the registry looks them up
     * there by user name, so that disabling a user or resetting their password ends their sessions on all nodes.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /**
     * After login, back to the page first asked for (or home), as a path: the saved request's absolute address is
     * built from the Host header the client sent, which must never reach a redirect (penetration test, info).
     */
    private static SavedRequestAwareAuthenticationSuccessHandler backToTheSavedPageOnThisSite() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy((request, response, url) ->
                response.sendRedirect(response.encodeRedirectURL(pathOf(url))));
        return handler;
    }

    /** The path and query of {@code url}, absolute or not; never another host ("//host" included). */
    static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            path = "/" + path.replaceFirst("^/+", "");
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
        catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
