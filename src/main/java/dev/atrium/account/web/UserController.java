package dev.atrium.account.web;

import dev.atrium.account.internal.Deactivation;
import dev.atrium.account.internal.PasswordChange;
import dev.atrium.account.internal.PasswordReplacement;
import dev.atrium.account.internal.ProfileChanges;
import dev.atrium.account.internal.ProfileUpdate;
import dev.atrium.account.internal.Registration;
import dev.atrium.account.internal.UserRegistration;
import dev.atrium.account.internal.UserService;
import dev.atrium.account.internal.UserService.Profile;
import dev.atrium.ratelimit.RateLimit;
import dev.atrium.ratelimit.RateLimits;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(
        name = "Users",
        description = "Registration is open to anyone, and so are the list of users and one user (their public "
                + "fields: names, avatar, organizations) unless ATRIUM_USERS_PUBLIC_READS is false, when they need a "
                + "signed-in user. A signed-in user also sees email and timestamps; reading private fields (phone, "
                + "roles, active, last sign-in), changing and deactivating an account need its owner or an "
                + "administrator (403 otherwise).")
class UserController {

    /**
     * Who reads users without a token: no role, and no user has id 0, so it sees active users' public fields and may
     * manage nobody.
     */
    private static final CurrentUser NOBODY = new CurrentUser(0, "", Set.of(), "");

    private final UserService accounts;
    private final UserRegistration userRegistration;
    private final ProfileUpdate profiles;
    private final Deactivation deactivation;
    private final PasswordReplacement passwords;
    private final RateLimit registrations;

    UserController(
            UserService accounts,
            UserRegistration userRegistration,
            ProfileUpdate profiles,
            Deactivation deactivation,
            PasswordReplacement passwords,
            RateLimits limits,
            @Value("${atrium.limits.registrations-per-address:20}") int registrationsPerAddress,
            @Value("${atrium.limits.registrations-window:1h}") Duration registrationsWindow) {
        this.accounts = accounts;
        this.userRegistration = userRegistration;
        this.profiles = profiles;
        this.deactivation = deactivation;
        this.passwords = passwords;
        this.registrations = limits.steady("registrations:address", registrationsPerAddress, registrationsWindow);
    }

    @PostMapping("/api/users")
    @Operation(
            summary = "Register a new user (no authentication)",
            description =
                    "Opens an account with the role USER; sign in with POST /api/auth afterwards. The email is what "
                            + "one signs in with and must be unique whatever its case. The password needs at least 8 characters, "
                            + "at most 72 bytes, and must not be a common password or the email.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new user")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid email, weak password, fields too long, unknown organizations (field errors)")
    @ApiResponse(responseCode = "409", description = "An account with this email exists")
    @ApiResponse(
            responseCode = "429",
            description = "Too many registrations from this address lately; Retry-After says when to try again")
    ResponseEntity<UserView> register(@RequestBody Registration registration, HttpServletRequest request) {
        // Every attempt counts, refused ones too: guessing which emails are taken is bounded as well.
        registrations.takeOrRefuse(request.getRemoteAddr(), "registrations from this address");
        Profile profile = userRegistration.register(registration);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/users/{id}")
                .buildAndExpand(profile.user().id())
                .toUri();
        return ResponseEntity.created(location).body(UserView.of(profile, true));
    }

    @GetMapping("/api/users")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "List users with their organizations",
            description = "Anyone, without a token, sees public fields (names, avatar, organizations); a signed-in "
                    + "user also sees emails; in id order. Private fields only for oneself, and for administrators, "
                    + "who also see deactivated users. With ATRIUM_USERS_PUBLIC_READS=false a token is required.")
    @ApiResponse(responseCode = "200", description = "A page of users")
    @ApiResponse(responseCode = "400", description = "Invalid page or limit")
    @ApiResponse(
            responseCode = "401",
            description = "Not signed in, when ATRIUM_USERS_PUBLIC_READS is false; or a bad token")
    @ApiResponse(responseCode = "403", description = "An app token was sent")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<UserView> list(
            @AuthenticationPrincipal @Nullable CurrentUser user, @Valid @ParameterObject PageQuery page) {
        return PageResponse.of(accounts.page(user == null ? NOBODY : user, null, page), page)
                .map(profile -> UserView.of(profile, user));
    }

    @GetMapping("/api/users/me")
    @SignedIn
    @Operation(summary = "The signed-in user's own profile, with private fields and organizations")
    @ApiResponse(responseCode = "200", description = "One's own profile")
    UserView me(@AuthenticationPrincipal CurrentUser user) {
        return UserView.of(accounts.view(user, user.id()), true);
    }

    @PatchMapping("/api/users/me")
    @SignedIn
    @Operation(
            summary = "Edit one's own profile",
            description = "Change email (checked again for format and uniqueness), first_name, last_name, phone, and "
                    + "organizations: the full list of organization ids one should belong to (joining and leaving as "
                    + "needed; [] leaves all). Fields left out stay as they are. roles and active are for "
                    + "administrators only.")
    @ApiResponse(responseCode = "200", description = "The changed profile")
    @ApiResponse(responseCode = "400", description = "Invalid fields or unknown organizations (field errors)")
    @ApiResponse(responseCode = "403", description = "roles or active sent by a user who is not an administrator")
    @ApiResponse(responseCode = "409", description = "The new email belongs to another account")
    UserView updateMe(@AuthenticationPrincipal CurrentUser user, @RequestBody ProfileChanges changes) {
        return UserView.of(profiles.update(user, user.id(), changes), true);
    }

    @PutMapping("/api/users/me")
    @SignedIn
    @Operation(
            summary = "Replace one's own profile",
            description = "A full update: as PATCH /api/users/me, but every writable field must be sent (email, "
                    + "first_name, last_name, phone, organizations; \"\" clears a name or the phone, [] leaves every "
                    + "organization), and one left out is a 400 naming it. roles and active, for administrators only, "
                    + "stay optional.")
    @ApiResponse(responseCode = "200", description = "The replaced profile")
    @ApiResponse(
            responseCode = "400",
            description = "A writable field left out, invalid fields or unknown organizations (field errors)")
    @ApiResponse(responseCode = "403", description = "roles or active sent by a user who is not an administrator")
    @ApiResponse(responseCode = "409", description = "The new email belongs to another account")
    UserView replaceMe(@AuthenticationPrincipal CurrentUser user, @RequestBody ProfileChanges profile) {
        return UserView.of(profiles.replace(user, user.id(), profile), true);
    }

    @DeleteMapping("/api/users/me")
    @SignedIn
    @Operation(
            summary = "Deactivate one's own account",
            description = "The account can no longer sign in and every one of its sessions ends at once, this one "
                    + "included. An administrator can bring it back.")
    @ApiResponse(responseCode = "204", description = "Deactivated and signed out everywhere")
    @ApiResponse(responseCode = "409", description = "The last active administrator cannot be deactivated")
    ResponseEntity<Void> deactivateMe(@AuthenticationPrincipal CurrentUser user) {
        deactivation.deactivate(user, user.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/users/me/password")
    @SignedIn
    @Operation(
            summary = "Change one's own password",
            description = "Needs the current password. Every other session of the user ends; this one stays. Wrong "
                    + "current passwords count as failed sign-ins (429 after too many).")
    @ApiResponse(responseCode = "204", description = "Changed; the other sessions have ended")
    @ApiResponse(
            responseCode = "400",
            description = "Wrong old_password, or a weak or unchanged new_password (field errors)")
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords lately")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal CurrentUser user, @RequestBody PasswordChange change, HttpServletRequest request) {
        passwords.change(user, change, SignInController.client(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "One user with their organizations",
            description = "Anyone, without a token, sees public fields (names, avatar, organizations); a signed-in "
                    + "user also sees the email. Private fields only for the user themself and administrators; "
                    + "deactivated users are found by administrators only. With ATRIUM_USERS_PUBLIC_READS=false a "
                    + "token is required.")
    @ApiResponse(responseCode = "200", description = "The user")
    @ApiResponse(responseCode = "400", description = "The id is not a number")
    @ApiResponse(
            responseCode = "401",
            description = "Not signed in, when ATRIUM_USERS_PUBLIC_READS is false; or a bad token")
    @ApiResponse(responseCode = "403", description = "An app token was sent")
    @ApiResponse(responseCode = "404", description = "No such user")
    UserView get(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long id) {
        return UserView.of(accounts.view(user == null ? NOBODY : user, id), user);
    }

    @PatchMapping("/api/users/{id}")
    @SignedIn
    @Operation(
            summary = "Edit a user (owner or administrator)",
            description = "As PATCH /api/users/me, for the owner or an administrator; anyone else gets 403. "
                    + "Administrators may also set roles (USER, ADMIN) and active (false deactivates, true brings "
                    + "back); a role change applies to the user's open sessions at once.")
    @ApiResponse(responseCode = "200", description = "The changed user")
    @ApiResponse(responseCode = "400", description = "Invalid fields or unknown organizations (field errors)")
    @ApiResponse(responseCode = "403", description = "Neither the owner nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such user")
    @ApiResponse(
            responseCode = "409",
            description = "The new email belongs to another account, or the change would leave no administrator")
    UserView update(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ProfileChanges changes) {
        return UserView.of(profiles.update(user, id, changes), true);
    }

    @PutMapping("/api/users/{id}")
    @SignedIn
    @Operation(
            summary = "Replace a user's profile (owner or administrator)",
            description = "A full update: as PATCH /api/users/{id}, but every writable field must be sent (email, "
                    + "first_name, last_name, phone, organizations), and one left out is a 400 naming it. roles and "
                    + "active, for administrators only, stay optional. Anyone but the owner or an administrator gets "
                    + "403.")
    @ApiResponse(responseCode = "200", description = "The replaced user")
    @ApiResponse(
            responseCode = "400",
            description = "A writable field left out, invalid fields or unknown organizations (field errors)")
    @ApiResponse(responseCode = "403", description = "Neither the owner nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such user")
    @ApiResponse(
            responseCode = "409",
            description = "The new email belongs to another account, or the change would leave no administrator")
    UserView replace(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ProfileChanges profile) {
        return UserView.of(profiles.replace(user, id, profile), true);
    }

    @DeleteMapping("/api/users/{id}")
    @SignedIn
    @Operation(
            summary = "Deactivate a user (owner or administrator)",
            description = "The account can no longer sign in and its sessions end at once; anyone but the owner or "
                    + "an administrator gets 403.")
    @ApiResponse(responseCode = "204", description = "Deactivated")
    @ApiResponse(responseCode = "403", description = "Neither the owner nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such user")
    @ApiResponse(responseCode = "409", description = "The last active administrator cannot be deactivated")
    ResponseEntity<Void> deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        deactivation.deactivate(user, id);
        return ResponseEntity.noContent().build();
    }
}
