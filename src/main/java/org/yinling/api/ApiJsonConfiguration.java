package org.yinling.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reads JSON strictly: a field the operation does not know is an error (400 naming it, {@link ApiProblems}),
 * not silently dropped, so that a sender's misspelt {@code deathDate} never becomes an event without its date. Only
 * request bodies under {@code /api/} are read this way; the rest of the application keeps the lenient default.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    ApiJsonConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new StrictApiJson(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()));
    }

    /** Reads JSON bodies of API calls only, refusing unknown fields; writes nothing (the default converter does). */
    static final class StrictApiJson extends JacksonJsonHttpMessageConverter {

        StrictApiJson(JsonMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            return apiCall() && super.canRead(type, mediaType);
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return apiCall() && super.canRead(clazz, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        private static boolean apiCall() {
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && ApiProblems.isApi(attributes.getRequest());
        }
    }
}
