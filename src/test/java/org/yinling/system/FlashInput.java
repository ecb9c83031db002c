package org.yinling.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * Flash attributes for a MockMvc request, as the page after a redirect would receive them.
 * MockMvc's own {@code flashAttr} stores them in the mock HTTP session, which the application never sees: sessions
 * live in PostgreSQL (Spring Session wraps the request). The dispatcher keeps an input flash map already on the request
 * when its manager finds none, so the attributes are put there.
 */
public final class FlashInput {

    private FlashInput() {
    }

    /** {@code flash("name", value, "other", value2)}. */
    public static RequestPostProcessor flash(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return request -> {
            FlashMap input = new FlashMap();
            input.putAll(attributes);
            request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, input);
            return request;
        };
    }
}
