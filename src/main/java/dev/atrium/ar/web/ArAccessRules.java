package dev.atrium.ar.web;

import dev.atrium.ar.internal.AppClient;
import dev.atrium.shared.security.RequestAuthorizations;
import dev.atrium.shared.web.BodyLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.UrlHandlerFilter;

@Configuration(proxyBeanMethods = false)
class ArAccessRules {

    static final String IMAGE_TARGETS = "/api/project/*/imagetarget/**";
    static final String RECOGNITION = "/api/project/*/recognize";

    /**
     * Image targets and their recognition are open to app tokens as well as users; which project a caller may work with is decided by
     * {@code ImageTargetService}. Every other project path keeps the default rule (signed-in users), so an app token
     * gets 403 there.
     */
    @Bean
    RequestAuthorizations arAuthorizations() {
        return rules -> rules.requestMatchers(IMAGE_TARGETS, RECOGNITION).hasAnyRole("USER", AppClient.ROLE);
    }

    /**
     * A 2.25 MB JPEG is about 3 MB as base64 and 1 MB of application metadata 1.34 MB, a little more with line breaks
     * and a description.
     */
    @Bean
    BodyLimit imageTargetBodyLimit() {
        return new BodyLimit(IMAGE_TARGETS, DataSize.ofKilobytes(5120));
    }

    /** A camera frame is checked against the same 2.25 MB as a target's image, so its body is bounded the same way. */
    @Bean
    BodyLimit recognitionBodyLimit() {
        return new BodyLimit(RECOGNITION, DataSize.ofKilobytes(5120));
    }

    /**
     * Clients written for Django REST framework add a trailing slash ({@code /api/project/}); it is served as the path
     * without one, before security sees the request.
     */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> projectPathsWithTrailingSlash() {
        FilterRegistrationBean<UrlHandlerFilter> registration =
                new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/api/project/**")
                        .wrapRequest()
                        .build());
        registration.addUrlPatterns("/api/project/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
