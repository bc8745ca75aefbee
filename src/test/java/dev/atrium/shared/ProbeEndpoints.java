package dev.atrium.shared;

import dev.atrium.shared.security.RequestAuthorizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public endpoints that fail in every way a client can make them fail, standing in for the modules' endpoints. */
@TestConfiguration
@RestController
public class ProbeEndpoints {

    private final JdbcClient jdbc;

    ProbeEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OrderLine(@NotNull @Min(1) Integer quantityInOrder) {}

    public record ProbeOrder(
            @NotBlank String customer, @NotNull List<@Valid OrderLine> parts) {}

    @Bean
    RequestAuthorizations probeIsPublic() {
        return rules -> rules.requestMatchers("/api/probe/**").permitAll();
    }

    @PostMapping(path = "/api/probe/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProbeOrder order(@Valid @RequestBody ProbeOrder order) {
        return order;
    }

    @GetMapping("/api/probe/count")
    int count(@RequestParam(name = "at_least") int atLeast) {
        return atLeast;
    }

    /** A statement that keeps PostgreSQL busy for as long as asked. */
    @GetMapping("/api/probe/sleep")
    int sleep(@RequestParam double seconds) {
        return jdbc.sql("SELECT 1 FROM pg_sleep(:seconds)")
                .param("seconds", seconds)
                .query(Integer.class)
                .single();
    }

    @GetMapping("/api/probe/crash")
    String crash() {
        throw new IllegalStateException("secret-internal-detail");
    }
}
