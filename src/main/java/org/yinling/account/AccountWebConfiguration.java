package org.yinling.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // everything but the change-password page itself, the pages around login and what pages load
        registry.addInterceptor(new PasswordChangeInterceptor())
                .addPathPatterns("/**")
                .excludePathPatterns(PasswordChangeController.PATH, "/login", "/logout", "/error", "/error/**",
                        "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico");
    }
}
