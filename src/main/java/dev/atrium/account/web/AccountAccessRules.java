package dev.atrium.account.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

@Configuration(proxyBeanMethods = false)
class AccountAccessRules {

    /**
     * Signing in and refreshing are how one gets a token, and registering comes before both, so none of them can need
     * one. Avatars are read without a token, because an {@code <img>} tag cannot send one; one's own avatar (under
     * {@code me}) still needs to know who is asking.
     *
     * <p>Users' CRUD is asked for "without authorization": unless {@code atrium.users.public-reads} is false, the
     * list and one user are read without a token too, showing public fields only ({@code UserView}). Those reads stay
     * closed to app tokens, which are for image targets and nothing else; changing and deactivating still need the
     * owner or an administrator.
     */
    @Bean
    RequestAuthorizations accountAuthorizations(@Value("${atrium.users.public-reads:true}") boolean publicReads) {
        return rules -> {
            if (publicReads) {
                AuthorizationManager<RequestAuthorizationContext> anonymousOrUser = AuthorizationManagers.anyOf(
                        AuthenticatedAuthorizationManager.anonymous(), AuthorityAuthorizationManager.hasRole("USER"));
                for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
                    rules.requestMatchers(read, "/api/users/me").hasRole("USER");
                    rules.requestMatchers(read, "/api/users", "/api/users/*").access(anonymousOrUser);
                }
            }
            rules.requestMatchers(HttpMethod.POST, "/api/auth", "/api/login", "/api/login/", "/api/refresh")
                    .permitAll();
            rules.requestMatchers(HttpMethod.POST, "/api/users").permitAll();
            for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
                rules.requestMatchers(read, "/api/users/me/avatar").hasRole("USER");
                rules.requestMatchers(read, "/api/users/*/avatar", "/api/users/*/avatar/*")
                        .permitAll();
            }
        };
    }
}
