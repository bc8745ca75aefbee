package dev.atrium.goods.web;

import dev.atrium.shared.security.RequestAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class GoodsAccessRules {

    /** The sign-in page and the sign-in it posts to are for people who are not signed in yet. */
    @Bean
    RequestAuthorizations goodsAuthorizations() {
        return rules -> {
            rules.requestMatchers(HttpMethod.GET, "/", "/index.html").permitAll();
            rules.requestMatchers(HttpMethod.POST, "/api").permitAll();
        };
    }
}
