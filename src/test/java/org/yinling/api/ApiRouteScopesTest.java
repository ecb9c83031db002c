package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fails closed: every {@code /api/v1} route, but the token endpoint and the client's view of itself, declares the
 * scope it needs with {@code @PreAuthorize("hasAuthority('SCOPE_...')")} naming one of the documented scopes, so a
 * future route without one fails this test instead of answering every client.
 */
@SpringBootTest
class ApiRouteScopesTest {

    static final List<String> OPEN_TO_EVERY_CLIENT = List.of(ApiTokenController.PATH, "/api/v1/me");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyApiRouteDeclaresADocumentedScope() {
        List<String> apiRoutes = new ArrayList<>();
        List<String> withoutScope = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                apiRoutes.add(pattern);
                if (OPEN_TO_EVERY_CLIENT.contains(pattern)) {
                    continue;
                }
                HandlerMethod handler = entry.getValue();
                PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
                if (rule == null) {
                    rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
                }
                if (rule == null || !namesADocumentedScope(rule.value())) {
                    withoutScope.add(entry.getKey() + " -> " + handler);
                }
            }
        }
        assertThat(apiRoutes).as("the API's routes").contains("/api/v1/me", ApiTokenController.PATH);
        assertThat(withoutScope).as("API routes without @PreAuthorize(\"hasAuthority('SCOPE_<scope>')\")").isEmpty();
    }

    @Test
    void theCheckRecognisesScopesAndOnlyThem() {
        assertThat(namesADocumentedScope("hasAuthority('SCOPE_elders:read')")).isTrue();
        assertThat(namesADocumentedScope("hasAuthority('SCOPE_everything')")).isFalse();
        assertThat(namesADocumentedScope("permitAll()")).isFalse();
    }

    static boolean namesADocumentedScope(String expression) {
        for (ApiScope scope : ApiScope.values()) {
            if (expression.contains("hasAuthority('SCOPE_" + scope.value() + "')")) {
                return true;
            }
        }
        return false;
    }
}
