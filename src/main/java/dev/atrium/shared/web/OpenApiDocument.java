package dev.atrium.shared.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of the OpenAPI document served at {@code /api/schema} (Swagger UI at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BEARER = "bearer";

    /**
     * Schemas name their properties as the API writes them: snake_case, like {@code spring.jackson}'s naming strategy.
     * swagger-core reads records with a Jackson 2 mapper of its own, which knows nothing of that setting.
     */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI atriumOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Atrium API")
                        .version("1")
                        .description("""
                                Accounts and organizations, a shop whose orders never oversell, and AR projects with \
                                image targets and app tokens.

                                Sign in with `POST /api/auth` and send the access token as `Authorization: Bearer \
                                <token>`. Errors are RFC 9457 problem details (`application/problem+json`); every \
                                response carries an `X-Request-Id`. Lists are paginated as \
                                `{"count","next","previous","results"}` with `page` (from 1) and `limit` (default 50, \
                                at most 1000).""")
                        .license(new License().name("MIT")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "An access token from POST /api/auth, or an app token of a project")));
    }
}
