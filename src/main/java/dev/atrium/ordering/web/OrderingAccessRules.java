package dev.atrium.ordering.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class OrderingAccessRules {

    /** The offers in force are public, like the catalogue; carts and orders need a signed-in user (the default). */
    @Bean
    RequestAuthorizations orderingAuthorizations() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/offers", "/api/offers/*")
                .permitAll();
    }
}
