package org.yinling.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Our forms are records, bound through their constructor. When a request carries a value that cannot be converted
 * (letters for a number, an unknown choice, a malformed date) the record cannot be made at all: Spring passes
 * a form without a target to its binding result (the conversion errors), and the first {@code rejectValue} or {@code th:field} on it failed with a
 * 500. The pages' inputs never send such values (number and date inputs, select lists), so such a request is answered
 * as what it is: a bad request (the friendly 400 page), before any controller sees it.
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

    private record Guarded(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
            Object form = delegate.resolveArgument(parameter, container, request, binders);
            Object binding = container == null ? null
                    : container.getModel().get(BindingResult.MODEL_KEY_PREFIX + ModelFactory.getNameForParameter(parameter));
            if (form == null || (binding instanceof BindingResult result && result.getTarget() == null)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return form;
        }
    }
}
