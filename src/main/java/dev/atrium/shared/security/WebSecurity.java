package dev.atrium.shared.security;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: every request carries a bearer
 * token, so it needs no CSRF protection and creates no HTTP session. Everything else (the login page, the admin panel,
 * static files) is for browsers: a session cookie, CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@ConditionalOnWebApplication
class WebSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            List<RequestAuthorizations> moduleRules,
            MappedEndpoints mappedEndpoints,
            ProblemResponses problems) {
        http.securityMatcher("/api/**", "/actuator/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(
                                    "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                            .permitAll();
                    rules.requestMatchers("/api/schema", "/api/schema/**", "/api/docs", "/api/docs/**")
                            .permitAll();
                    moduleRules.forEach(module -> module.configure(rules));
                    rules.anyRequest().access(mappedEndpoints);
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(HttpSecurity http, MappedEndpoints mappedEndpoints, ProblemResponses problems) {
        http.authorizeHttpRequests(rules -> {
            rules.requestMatchers("/error", "/swagger-ui/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                    .permitAll();
            rules.anyRequest().access(mappedEndpoints);
        });
        http.exceptionHandling(
                errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
