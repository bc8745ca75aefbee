package dev.atrium.account.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class AccountAccessRules {

    /**
     * Signing in and refreshing are how one gets a token, and registering comes before both, so none of them can need
     * one. Avatars are read without a token, because an {@code <img>} tag cannot send one; one's own avatar (under
     * {@code me}) still needs to know who is asking.
     */
    @Bean
    RequestAuthorizations accountAuthorizations() {
        return rules -> {
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
