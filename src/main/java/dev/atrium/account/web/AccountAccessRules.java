package dev.atrium.account.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class AccountAccessRules {

    /** Signing in and refreshing are how one gets a token, so they cannot need one. */
    @Bean
    RequestAuthorizations accountAuthorizations() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/auth", "/api/login", "/api/login/", "/api/refresh")
                .permitAll();
    }
}
