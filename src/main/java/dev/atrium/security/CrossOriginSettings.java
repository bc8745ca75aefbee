package dev.atrium.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Which other web origins may call the API from a browser: none unless {@code ATRIUM_CORS_ALLOWED_ORIGINS} lists them
 * (comma-separated, e.g. {@code https://app.example.com}). The API takes bearer tokens, not cookies, so allowed
 * origins get no credentials mode.
 */
@Component
class CrossOriginSettings implements CorsConfigurationSource {

    private final @Nullable CorsConfiguration configuration;

    CrossOriginSettings(@Value("${atrium.cors.allowed-origins:}") List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
        if (origins.isEmpty()) {
            this.configuration = null;
            return;
        }
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(origins);
        allowed.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
        allowed.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "ETag"));
        allowed.setMaxAge(Duration.ofHours(1));
        this.configuration = allowed;
    }

    @Override
    public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        return configuration;
    }
}
