package dev.atrium.account.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/** What a sign-in (POST /api/auth and its aliases) sends. */
@Schema(
        name = "Credentials",
        description = "The email goes under any one of username, email or login.",
        example = "{\"email\": \"demo@atrium.dev\", \"password\": \"demo-password\"}")
record Credentials(
        @Schema(description = "The user's email", example = "demo@atrium.dev") @Nullable String username,

        @Schema(description = "The user's email (alternative name)") @Nullable String email,

        @Schema(description = "The user's email (alternative name)") @Nullable String login,

        @Schema(example = "demo-password") @Nullable String password) {

    String identifier() {
        for (String candidate : new String[] {username, email, login}) {
            if (StringUtils.hasText(candidate)) {
                return candidate.trim();
            }
        }
        return "";
    }

    /** Never the password: Spring MVC logs request bodies at debug level. */
    @Override
    public String toString() {
        return "Credentials[identifier=" + identifier() + ", password=<redacted>]";
    }
}
