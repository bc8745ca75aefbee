package dev.atrium.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its own API paths, declared as a bean next to its controllers. The rules of all modules
 * are applied in {@code @Order}, before the default: a path that a controller serves needs a signed-in user, and a
 * path that nothing serves is a 404 for everyone.
 */
@FunctionalInterface
public interface RequestAuthorizations {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
