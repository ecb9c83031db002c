package org.yinling.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's GET routes as its handler mapping knows them (so a new page cannot escape the tests that walk
 * every page), and a route's path with the access matrix's records in its variables.
 */
final class GetRoutes {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    /** A pattern mapped for GET (or for any method) and its handler. */
    record Route(String pattern, HandlerMethod handler) {
    }

    private GetRoutes() {
    }

    /** Every route mapped for GET or for any method (the framework's {@code /error} too), by pattern. */
    static List<Route> of(RequestMappingHandlerMapping handlerMapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            for (String pattern : patterns) {
                routes.add(new Route(pattern, mapping.getValue()));
            }
        }
        routes.sort(Comparator.comparing(Route::pattern));
        assertThat(routes).as("GET routes").hasSizeGreaterThan(50);
        return routes;
    }

    /** The path of {@code pattern} with each variable a record of the access matrix's fixtures. */
    static String fill(String pattern, AccessFixtures fixtures) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String prefix = pattern.substring(0, matcher.start());
            matcher.appendReplacement(path, Matcher.quoteReplacement(
                    AccessMatrixTest.pathValue(pattern, prefix, matcher.group(1), fixtures)));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
