package org.yinling.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Our forms are records, bound through their constructor. When a request carries a value that cannot be converted
 * (a date with a six-digit year that a browser's date input lets one type, letters for a number, an unknown choice)
 * the record cannot be made at all: Spring passes a form without a target to its binding result (the conversion
 * errors), and the first {@code rejectValue} or {@code th:field} on it failed with a 500, later a bare 400.
 * <p>
 * Here, once for every form: when the only errors are dates (or months, times) that did not convert, the form is
 * bound again without the fields that failed (they become empty, and the form's own validation runs on the rest), and
 * the binding result the
 * controller sees carries the conversion failures as field messages ({@code typeMismatch.java.time.LocalDate}) with
 * the text as typed, so the page shows the form as it was sent with a message at the field. Anything else that
 * leaves no form (an unknown choice, letters for a number: no page of ours sends them; an index beyond the limit; a
 * search sent with GET) stays a bad request (the friendly 400 page).
 */
@Component
class UnboundFormGuard implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
            for (HandlerMethodArgumentResolver resolver : adapter.getArgumentResolvers()) {
                resolvers.add(resolver instanceof ModelAttributeMethodProcessor forms ? new Guarded(forms) : resolver);
            }
            adapter.setArgumentResolvers(resolvers);
        }
        return bean;
    }

    /** The message code of a date, month or time that did not convert. */
    private static final String DATE_MISMATCH = "typeMismatch.java.time.";

    private record Guarded(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
            Object form = delegate.resolveArgument(parameter, container, request, binders);
            if (container == null) {
                if (form == null) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                }
                return form;
            }
            String name = ModelFactory.getNameForParameter(parameter);
            Object binding = container.getModel().get(BindingResult.MODEL_KEY_PREFIX + name);
            if (form != null && !(binding instanceof BindingResult result && result.getTarget() == null)) {
                return form;
            }
            if (binding instanceof BindingResult failed && isPost(request) && onlyConversionFailures(failed)) {
                Object rebound = rebind(parameter, container, request, binders, name, failed);
                if (rebound != null) {
                    return rebound;
                }
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }

        /** Forms are posted; a search (GET) with a value that does not convert stays a bad request. */
        private static boolean isPost(NativeWebRequest request) {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            return servlet != null && "POST".equals(servlet.getMethod());
        }

        /**
         * Only dates and times that did not convert (what a person can type into a date input): an unknown choice or
         * letters for a number come from no page of ours and stay a bad request.
         */
        private static boolean onlyConversionFailures(BindingResult result) {
            return result.hasErrors() && !result.hasGlobalErrors()
                    && result.getFieldErrors().stream().allMatch(error -> error.isBindingFailure()
                    && error.getCodes() != null
                    && java.util.Arrays.stream(error.getCodes()).anyMatch(code -> code.startsWith(DATE_MISMATCH)));
        }

        /** Binds the form again without the fields that failed; the failures join the new binding result. */
        private Object rebind(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                              WebDataBinderFactory binders, String name, BindingResult failed) throws Exception {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            if (servlet == null) {
                return null;
            }
            Set<String> fields = failed.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
            container.getModel().remove(name);
            container.getModel().remove(BindingResult.MODEL_KEY_PREFIX + name);
            NativeWebRequest without = new ServletWebRequest(new Without(servlet, fields),
                    request.getNativeResponse(HttpServletResponse.class));
            Object form = delegate.resolveArgument(parameter, container, without, binders);
            Object second = container.getModel().get(BindingResult.MODEL_KEY_PREFIX + name);
            if (form == null || !(second instanceof BindingResult rebound) || rebound.getTarget() == null) {
                return null;
            }
            WebDataBinder binder = binders.createBinder(request, rebound.getTarget(), name);
            BindingResult merged = binder.getBindingResult();
            for (ObjectError error : rebound.getAllErrors()) {
                if (!(error instanceof FieldError field && fields.contains(field.getField()))) {
                    merged.addError(error);
                }
            }
            failed.getFieldErrors().forEach(merged::addError);
            container.getModel().put(BindingResult.MODEL_KEY_PREFIX + name, merged);
            return form;
        }
    }

    /** The request without the parameters (and their checkbox markers) of the named fields. */
    private static final class Without extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        Without(HttpServletRequest request, Set<String> fields) {
            super(request);
            request.getParameterMap().forEach((key, values) -> {
                if (!fields.contains(key) && !(key.startsWith("_") && fields.contains(key.substring(1)))) {
                    parameters.put(key, values);
                }
            });
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
