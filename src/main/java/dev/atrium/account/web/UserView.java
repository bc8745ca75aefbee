package dev.atrium.account.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.atrium.account.UserOrganizations.OrganizationRef;
import dev.atrium.account.internal.AvatarService;
import dev.atrium.account.internal.User;
import dev.atrium.account.internal.UserService.Profile;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A user as the API shows them. The private fields are shown to the user themself and to administrators only; a read
 * without a token shows the public ones alone (names, avatar, organizations).
 */
@Schema(
        description = "A user with their organizations. phone, roles, active and last_login_at are private: they are "
                + "present only for the user themself and for administrators. email, created_at and updated_at are "
                + "present for signed-in callers only: a read without a token shows id, names, avatar and "
                + "organizations.")
record UserView(
        long id,

        @Schema(description = "Signed-in callers only", example = "ada@example.com")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable String email,

        @Schema(example = "Ada") String firstName,
        @Schema(example = "Lovelace") String lastName,

        @Schema(
                description =
                        "The avatar's URL (a JPEG within 200×200 pixels under a random " + "[a-zA-Z0-9] name), or null",
                example = "http://localhost:8080/api/users/7/avatar/Q8fJ2kP0aZ7mN1xY.jpg")
        @Nullable String avatar,

        @Schema(description = "The organizations the user belongs to, by name")
        List<OrganizationRef> organizations,

        @Schema(description = "Signed-in callers only") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant createdAt,

        @Schema(description = "Signed-in callers only") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant updatedAt,

        @JsonUnwrapped @Nullable PrivateFields privateFields) {

    /** What only the user themself and administrators see. */
    record PrivateFields(
            @Schema(example = "+44 20 7946 0958") String phone,
            @Schema(example = "[\"USER\"]") List<String> roles,
            boolean active,

            @Schema(description = "When the user last signed in, or null") @Nullable Instant lastLoginAt) {}

    /** As {@code viewer} may see the user: {@code null} for a caller without a token, who sees public fields only. */
    static UserView of(Profile profile, @Nullable CurrentUser viewer) {
        if (viewer == null) {
            User user = profile.user();
            return new UserView(
                    user.id(),
                    null,
                    user.firstName(),
                    user.lastName(),
                    avatarUrl(user),
                    profile.organizations(),
                    null,
                    null,
                    null);
        }
        return of(profile, viewer.mayManage(profile.user().id()));
    }

    static UserView of(Profile profile, boolean showPrivate) {
        User user = profile.user();
        return new UserView(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                avatarUrl(user),
                profile.organizations(),
                user.createdAt(),
                user.updatedAt(),
                showPrivate
                        ? new PrivateFields(
                                user.phone(),
                                user.roles().stream().sorted().toList(),
                                user.active(),
                                user.lastLoginAt())
                        : null);
    }

    static @Nullable String avatarUrl(User user) {
        String file = AvatarService.fileName(user);
        if (file == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/users/{id}/avatar/{file}")
                .buildAndExpand(user.id(), file)
                .toUriString();
    }
}
