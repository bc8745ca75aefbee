package dev.atrium.account.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new account, as {@code POST /api/users} takes it. Validated by {@link UserRegistration}. */
@Schema(description = "A new account. Only email and password are required.")
public record Registration(
        @Schema(
                description =
                        "The email one signs in with, stored in lower case and Unicode NFKC; unique whatever its case or width. "
                                + "Invisible characters and look-alike letters of mixed scripts are refused",
                example = "ada@example.com")
        @NotBlank @Email(regexp = Rules.EMAIL, message = Rules.EMAIL_MESSAGE) @Size(max = Rules.EMAIL_MAX) @Nullable String email,

        @Schema(
                description = "At least 8 characters (at most 72 bytes), one of them visible, no control character, "
                        + "not one of the most common passwords",
                example = "correct horse battery")
        @NotNull @Nullable String password,

        @Schema(example = "Ada")
        @Size(max = Rules.NAME_MAX) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_MESSAGE) @Nullable String firstName,

        @Schema(example = "Lovelace")
        @Size(max = Rules.NAME_MAX) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_MESSAGE) @Nullable String lastName,

        @Schema(description = "Digits, spaces and + ( ) - . only", example = "+44 20 7946 0958")
        @Size(max = Rules.PHONE_MAX) @Pattern(regexp = Rules.PHONE, message = Rules.PHONE_MESSAGE) @Nullable String phone,

        @Schema(description = "Ids of organizations to join at once", example = "[1, 2]")
        @Size(max = Rules.ORGANIZATIONS_MAX) @Nullable List<@NotNull Long> organizations) {

    /** Never the password: Spring MVC logs request bodies at debug level. */
    @Override
    public String toString() {
        return "Registration[email=" + email + ", password=<redacted>, firstName=" + firstName + ", lastName="
                + lastName + ", phone=" + phone + ", organizations=" + organizations + "]";
    }
}
