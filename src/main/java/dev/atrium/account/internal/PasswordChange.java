package dev.atrium.account.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A user changing their own password: the current one proves it is them. */
public record PasswordChange(
        @Schema(description = "The current password", example = "correct horse battery") @NotBlank @Nullable String oldPassword,

        @Schema(
                description = "At least 8 characters (at most 72 bytes), one of them visible, no control character, "
                        + "not a common password, not the email",
                example = "a brand new passphrase")
        @NotNull @Nullable String newPassword) {

    /** Never the passwords: Spring MVC logs request bodies at debug level. */
    @Override
    public String toString() {
        return "PasswordChange[oldPassword=<redacted>, newPassword=<redacted>]";
    }
}
