package dev.atrium.security;

import dev.atrium.shared.security.BrowserSessions;
import dev.atrium.shared.security.CurrentUser;
import dev.atrium.shared.security.JwtSigner;
import dev.atrium.shared.security.RequestAuthorizations;
import dev.atrium.web.SecurityHeaders;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: every request carries a bearer
 * token, so it needs no CSRF protection and creates no HTTP session. Everything else (the sign-in page, the admin panel,
 * static files) is for browsers: a session cookie bound to a user session, and CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@ConditionalOnWebApplication
class WebSecurity {

    /**
     * No observation around each security filter, authentication and authorization. Spring Security wraps every
     * filter of the chain in its own observation when an observation registry exists, which cost a third of the CPU of
     * a catalogue read answered from memory (a JFR profile under {@code bench/products-listing.sh}), and nothing reads
     * those observations: each request is timed once, as {@code http.server.requests}, and sign-in failures and
     * refusals have counters of their own.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Administrators can do whatever users can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_USER");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            List<RequestAuthorizations> moduleRules,
            MappedEndpoints mappedEndpoints,
            ProblemResponses problems,
            JwtSigner signer,
            BearerTokenConverter bearerTokenConverter,
            CrossOriginSettings crossOrigin) {
        http.securityMatcher("/api/**", "/actuator/**")
                .headers(WebSecurity::securityHeaders)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(crossOrigin))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(bearer -> bearer.authenticationEntryPoint(problems)
                        .jwt(jwt -> jwt.decoder(signer.decoderFor(JwtSigner.API_AUDIENCE))
                                .jwtAuthenticationConverter(bearerTokenConverter))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // A token that could not be checked (Redis down) is a 503, not a 401 or a pass.
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                            .permitAll();
                    rules.requestMatchers(
                                    "/api/schema", "/api/schema.yaml", "/api/schema/**", "/api/docs", "/api/docs/**")
                            .permitAll();
                    moduleRules.forEach(module -> module.configure(rules));
                    rules.anyRequest().access(mappedEndpoints);
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(
            HttpSecurity http,
            List<RequestAuthorizations> moduleRules,
            MappedEndpoints mappedEndpoints,
            ProblemResponses problems,
            BrowserSessions browserSessions) {
        RequestMatcher adminPages = PathPatternRequestMatcher.withDefaults().matcher("/admin/**");
        http.headers(WebSecurity::securityHeaders);
        http.authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico")
                            .permitAll();
                    rules.requestMatchers("/swagger-ui/**").permitAll();
                    rules.requestMatchers("/livez", "/readyz").permitAll();
                    rules.requestMatchers("/admin/login", "/admin/denied").permitAll();

                    rules.requestMatchers("/admin", "/admin/**").hasRole("ADMIN");
                    moduleRules.forEach(module -> module.configure(rules));
                    rules.anyRequest().access(mappedEndpoints);
                })
                .formLogin(form -> form.loginPage("/admin/login")
                        .defaultSuccessUrl("/admin", true)
                        .failureHandler(new AdminSignInFailures("/admin/login?error")))
                .logout(logout -> logout.logoutUrl("/admin/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                                browserSessions.end(user);
                            }
                        })
                        .logoutSuccessUrl("/admin/login?signed-out"))
                .addFilterAfter(new OpenBrowserSessions(browserSessions), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/admin/login"), adminPages)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(adminDenied(), adminPages)
                        .defaultAccessDeniedHandlerFor(problems, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /**
     * The security headers of {@link SecurityHeaders} are written by {@code RequestId}, the first filter, on every
     * answer (the outage answers and Tomcat's error report write them the same way): Spring Security's own writers of
     * the same headers are off, so that they are defined and written in one place. Its cache control (API answers are
     * never stored) and HSTS (over HTTPS) stay.
     */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentTypeOptions(options -> options.disable()).frameOptions(options -> options.disable());
    }

    /** A signed-in user who is not an administrator sees a page saying so, with status 403. */
    private static AccessDeniedHandler adminDenied() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/admin/denied");
        return handler;
    }
}
