package dev.atrium.catalog.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class CatalogAccessRules {

    /** Anyone may browse the catalogue and the shops; changing them needs an administrator (checked by the services). */
    @Bean
    RequestAuthorizations catalogAuthorizations() {
        return rules -> rules.requestMatchers(
                        HttpMethod.GET, "/api/products", "/api/products/*", "/api/products/*/photo")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/shops", "/api/shops/*", "/api/shops/*/products")
                .permitAll();
    }
}
