package org.yinling.system;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 17, L5 and H1: request parameters no page sends (a NUL byte, other control characters, numbers at the ends
 * of {@code int}, months and dates of year ±999,999,999, very long text) answer a 400 page or a normal page, never a
 * 500. {@link #noMappedGetRouteAnswersHostileParametersWithA500()} finds every GET route and its parameters in the
 * {@link RequestMappingHandlerMapping} (request parameters and the fields of search records), so a new route or
 * parameter is attacked without anyone listing it; the other tests are the cases the penetration test reported.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String LONG = "长".repeat(3000) + "x".repeat(3000);
    private static final List<String> CONTROL = List.of("\u0000", "x\u0000", "\u0001", "a\u001Fb", "\u007F");
    private static final List<String> NUMBERS = List.of("2147483647", "-2147483647", "-2147483648", "99999999",
            "9223372036854775807", "-9223372036854775808");
    private static final List<String> MONTHS = List.of("-999999999-01", "+999999999-12", "999999999-12", "0000-01",
            "2024-13");
    private static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "999999999-12-31",
            "0000-01-01", "9999-12-31", "2024-02-30");
    /** Whose route each user tries first: the district, as the issue asks; others for routes the district cannot open. */
    private static final List<String> PREFERENCE = List.of("DISTRICT_STAFF", "ADMIN", "STREET_REVIEWER",
            "COMMUNITY_CLERK", "MANAGER");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private AccessFixtures fixtures;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void records() {
        fixtures = new AccessFixtures(jdbc);
    }

    record Parameter(String name, Class<?> type) {
    }

    // --- every GET route ---------------------------------------------------------------------------------------------

    @Test
    void noMappedGetRouteAnswersHostileParametersWithA500() throws Exception {
        Map<AccessMatrixTest.Route, Map<String, String>> table = AccessMatrixTest.table();
        List<String> failures = new ArrayList<>();
        int attacked = 0;
        for (GetRoutes.Route route : GetRoutes.of(handlerMapping)) {
            String user = userFor(route.pattern(), table);
            String path = GetRoutes.fill(route.pattern(), fixtures);
            // the route itself answers (a page, a file, a redirect or a refusal), so what follows tests its parameters
            check(route.pattern(), "(none)", "", perform(get(path), user), failures);
            for (Parameter parameter : parameters(route.handler())) {
                for (String value : hostileValues(parameter.type())) {
                    check(route.pattern(), parameter.name(), value,
                            perform(get(path).param(parameter.name(), value), user), failures);
                    attacked++;
                }
            }
        }
        assertThat(attacked).as("hostile values sent to GET parameters").isGreaterThan(500);
        assertThat(failures).as("GET routes that failed on a hostile parameter").isEmpty();
    }

    /** The outcome of one request: its status, or the exception that escaped (a 500 in a real server). */
    private Object perform(MockHttpServletRequestBuilder request, String user) {
        try {
            return mvc.perform(request.with(as(user))).andReturn();
        }
        catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root;
        }
    }

    private static void check(String route, String parameter, String value, Object outcome, List<String> failures) {
        String shown = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        shown = shown.replace("\u0000", "\\0").replace("\u0001", "\\1").replace("\u001F", "\\1F").replace("\u007F", "\\7F");
        if (outcome instanceof Throwable failure) {
            failures.add(route + " " + parameter + "=" + shown + ": " + failure);
        }
        else if (((MvcResult) outcome).getResponse().getStatus() >= 500) {
            failures.add(route + " " + parameter + "=" + shown + ": " + ((MvcResult) outcome).getResponse().getStatus());
        }
    }
    /** The district user where the access matrix opens the route to the district, else the first role it is open to. */
    private static String userFor(String pattern, Map<AccessMatrixTest.Route, Map<String, String>> table) {
        Map<String, String> outcomes = table.getOrDefault(new AccessMatrixTest.Route("GET", pattern),
                table.getOrDefault(new AccessMatrixTest.Route("ANY", pattern), Map.of()));
        for (String column : PREFERENCE) {
            if ("OK".equals(outcomes.get(column))) {
                return AccessMatrixTest.USERS.get(column);
            }
        }
        return "district";
    }

    /** The request parameters a handler reads: {@code @RequestParam}s, simple parameters, fields of search records. */
    static List<Parameter> parameters(HandlerMethod handler) {
        List<Parameter> parameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
                    || parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class)
                    || Model.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || Locale.class.equals(type) || Principal.class.isAssignableFrom(type)
                    || ServletRequest.class.isAssignableFrom(type) || ServletResponse.class.isAssignableFrom(type)
                    || RedirectAttributes.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
                    || MultipartFile.class.isAssignableFrom(type)) {
                continue;
            }
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null || BeanUtils.isSimpleProperty(type)) {
                String name = requestParam == null ? "" : !requestParam.name().isEmpty() ? requestParam.name()
                        : requestParam.value();
                parameters.add(new Parameter(name.isEmpty() ? parameter.getParameterName() : name, type));
            }
            else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    parameters.add(new Parameter(component.getName(), component.getType()));
                }
            }
            else if (type.getName().startsWith("org.yinling.")) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        parameters.add(new Parameter(property.getName(), property.getPropertyType()));
                    }
                }
            }
        }
        return parameters;
    }

    /** Control characters and very long text for every parameter; then what its type invites. */
    static List<String> hostileValues(Class<?> type) {
        List<String> values = new ArrayList<>(CONTROL);
        values.add(LONG);
        values.add("%_\\'\"<>;--");
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            values.addAll(NUMBERS);
        }
        else if (type == LocalDate.class) {
            values.addAll(DATES);
        }
        else if (type == String.class) {
            values.addAll(MONTHS);
            values.addAll(DATES.subList(0, 3));
            values.addAll(NUMBERS.subList(0, 3));
        }
        return values;
    }

    // --- the cases of the report -------------------------------------------------------------------------------------

    @Test
    void aNulByteInASearchParameterIsABadRequestEverywhere() throws Exception {
        // the twelve of the report include these: the export's sort, street and community (H1), and the searches
        List<String[]> attacks = List.of(
                new String[] {"/elders/export?fullIds=true", "sort"},
                new String[] {"/elders/export?fullIds=true", "street"},
                new String[] {"/elders/export", "community"},
                new String[] {"/elders", "q"},
                new String[] {"/elders", "sort"},
                new String[] {"/subsidies/applications", "policy"},
                new String[] {"/subsidies/reviews", "street"},
                new String[] {"/institutions", "q"},
                new String[] {"/subsidies/publicity", "policy"},
                new String[] {"/reports/monthly", "month"},
                new String[] {"/admin/audit", "actor"},
                new String[] {"/admin/users", "q"});
        int exportsBefore = exports();
        for (String[] attack : attacks) {
            mvc.perform(get(attack[0]).param(attack[1], "x\u0000").with(as("district")))
                    .andExpect(status().isBadRequest())
                    .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Disposition"))
                            .as(attack[0] + " " + attack[1]).isNull());
        }
        assertThat(exports()).as("exports recorded").isEqualTo(exportsBefore);
        // other control characters in names and values, in forms too, and before anyone has logged in
        mvc.perform(get("/elders").param("q", "a\u0008b").with(as("district"))).andExpect(status().isBadRequest());
        mvc.perform(get("/elders").param("q\u0001", "a").with(as("district"))).andExpect(status().isBadRequest());
        mvc.perform(post("/elders").param("name", "张\u0000三").with(as("district")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(formLogin("/login").user("district\u0000").password("x")).andExpect(status().isBadRequest());
        mvc.perform(multipart("/elders/import")
                        .file(new MockMultipartFile("file", "e.csv", "text/csv", "a".getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "IN\u0000SERT").with(as("district")).with(csrf()))
                .andExpect(status().isBadRequest());
        // what a text area sends stays allowed
        mvc.perform(get("/elders").param("q", "a\tb\r\nc").with(as("district"))).andExpect(status().isOk());
    }

    @Test
    void agesAtTheEndsOfIntShowAnOrdinaryList() throws Exception {
        for (String age : List.of("2147483647", "-2147483647", "-2147483648")) {
            mvc.perform(get("/elders").param("ageMin", age).with(as("district"))).andExpect(status().isOk());
            mvc.perform(get("/elders").param("ageMax", age).with(as("district"))).andExpect(status().isOk());
            mvc.perform(get("/elders/export").param("ageMin", age).param("ageMax", age).with(as("district")))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void monthsOfYearMinus999999999ShowTheCurrentMonth() throws Exception {
        String thisMonth = org.yinling.TestDates.thisMonth().toString();
        for (String month : List.of("-999999999-01", "+999999999-12", "999999999-01")) {
            mvc.perform(get("/reports/monthly").param("month", month).with(as("district")))
                    .andExpect(status().isOk());
            mvc.perform(get("/reports/monthly.xlsx").param("month", month).with(as("district")))
                    .andExpect(status().isOk());
            mvc.perform(get("/meal-points/{id}/settlement", fixtures.mealPoint()).param("month", month)
                            .with(as("district")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(thisMonth)));
        }
        // a date of such a year is no date: the 400 page, not the audit viewer's or the preview's 500
        mvc.perform(get("/admin/audit").param("to", "+999999999-12-31").with(as("admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/subsidies/policies/{id}/preview", fixtures.draftPolicy()).param("on", "-999999999-01-01")
                        .with(as("district")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPageFarPastTheEndIsAnEmptyPage() throws Exception {
        for (String page : List.of("99999999", "2147483647", "-2147483648")) {
            mvc.perform(get("/admin/users").param("page", page).with(as("admin"))).andExpect(status().isOk());
            mvc.perform(get("/admin/regions").param("q", "蓝").param("page", page).with(as("admin")))
                    .andExpect(status().isOk());
            mvc.perform(get("/institutions").param("page", page).with(as("district"))).andExpect(status().isOk());
            mvc.perform(get("/payments/batches").param("page", page).with(as("district"))).andExpect(status().isOk());
            mvc.perform(get("/subsidies/policies").param("page", page).with(as("district"))).andExpect(status().isOk());
        }
    }

    @Test
    void theErrorPathOpenedDirectlyIsNotAPage() throws Exception {
        mvc.perform(get("/error").with(as("district"))).andExpect(status().isNotFound());
        mvc.perform(get("/error")).andExpect(status().isNotFound());
    }

    // --- LIKE wildcards in the admin searches -------------------------------------------------------------------------

    @Test
    void percentAndUnderscoreInTheAdminSearchesAreCharactersNotWildcards() throws Exception {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (:u1, '百分之百%测试', '{noop}x', 'MANAGER', '330105000000'),
                               (:u2, '下划线_测试', '{noop}x', 'MANAGER', '330105000000')
                        """)
                .param("u1", "pct" + tag).param("u2", "usc" + tag).update();
        String percent = mvc.perform(get("/admin/users").param("q", "%").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(percent).contains("pct" + tag).doesNotContain("usc" + tag).doesNotContain("<code>district</code>");
        String underscore = mvc.perform(get("/admin/users").param("q", "线_测").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(underscore).contains("usc" + tag).doesNotContain("pct" + tag);
        // "_" alone was "any one character": every user
        String anyOne = mvc.perform(get("/admin/users").param("q", "_").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(anyOne).contains("usc" + tag).doesNotContain("<code>district</code>");
        // regions: no name or code holds % or _, so nothing is found (every region was)
        for (String text : List.of("%", "_", "3301%")) {
            String regions = mvc.perform(get("/admin/regions").param("q", text).with(as("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(regions).as(text).doesNotContain(AccessFixtures.LANTIAN);
        }
        String found = mvc.perform(get("/admin/regions").param("q", "330105001").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains(AccessFixtures.LANTIAN);
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDERS_EXPORTED'").query(Integer.class).single();
    }
}
