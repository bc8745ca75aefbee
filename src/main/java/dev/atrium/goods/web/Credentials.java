package dev.atrium.goods.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/** What the sign-in page posts to POST /api, as form fields or as JSON. */
@Schema(
        name = "SignInPageCredentials",
        description = "The email goes under any one of login, username or email.",
        example = "{\"login\": \"demo@atrium.dev\", \"password\": \"demo-password\"}")
record Credentials(
        @Schema(description = "The user's email", example = "demo@atrium.dev") @Nullable String login,

        @Schema(description = "Accepted instead of login") @Nullable String username,

        @Schema(description = "Accepted instead of login") @Nullable String email,

        @Schema(example = "demo-password") @Nullable String password) {

    String identifier() {
        for (String candidate : new String[] {login, username, email}) {
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
