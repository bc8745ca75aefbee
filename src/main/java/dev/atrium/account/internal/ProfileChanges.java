package dev.atrium.account.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes to an account, as {@code PATCH /api/users/me} and {@code PATCH /api/users/{id}} take them and the admin
 * panel makes them. For a partial change (PATCH) a field left out (or null) stays as it is; a full update (PUT)
 * carries every writable field. Validated by {@link ProfileUpdate}.
 */
@Schema(
        description =
                "The profile's fields. With PATCH, a field left out or null stays as it is; with PUT, email, first_name, "
                        + "last_name, phone and organizations are all required. Send \"\" to clear a name or the phone.")
public record ProfileChanges(
        @Schema(
                description =
                        "A new email to sign in with, stored in lower case and Unicode NFKC; it must not be another account's",
                example = "ada@example.org")
        @Email(regexp = Rules.EMAIL, message = Rules.EMAIL_MESSAGE) @Size(min = 3, max = Rules.EMAIL_MAX) @Nullable String email,

        @Schema(example = "Ada")
        @Size(max = Rules.NAME_MAX) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_MESSAGE) @Nullable String firstName,

        @Schema(example = "Lovelace")
        @Size(max = Rules.NAME_MAX) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_MESSAGE) @Nullable String lastName,

        @Schema(description = "Digits, spaces and + ( ) - . only", example = "+44 20 7946 0958")
        @Size(max = Rules.PHONE_MAX) @Pattern(regexp = Rules.PHONE, message = Rules.PHONE_MESSAGE) @Nullable String phone,

        @Schema(
                description = "The ids of every organization the user should belong to: ids not listed are left, "
                        + "new ones joined; [] leaves them all",
                example = "[1, 2]")
        @Size(max = Rules.ORGANIZATIONS_MAX) @Nullable List<@NotNull Long> organizations,

        @Schema(description = "Administrators only: USER and/or ADMIN (USER is always kept)", example = "[\"USER\"]")
        @Size(min = 1, max = 2) @Nullable List<@NotNull @Pattern(regexp = "USER|ADMIN", message = "must be USER or ADMIN") String> roles,

        @Schema(description = "Administrators only: false deactivates the account, true brings it back") @Nullable Boolean active) {}
