package dev.atrium.account.internal;

import static dev.atrium.account.internal.UserService.distinct;
import static dev.atrium.account.internal.UserService.email;
import static dev.atrium.account.internal.UserService.emailRefusal;

import dev.atrium.account.internal.UserService.Profile;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A profile is changed ({@code PATCH}) or replaced ({@code PUT}), through the API or the admin panel: email, names,
 * phone and memberships by the account's owner or an administrator, roles and the active flag by administrators only.
 */
@Service
public class ProfileUpdate {

    private final UserService accounts;
    private final UserRepository users;
    private final SessionRegistry sessions;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileUpdate(
            UserService accounts,
            UserRepository users,
            SessionRegistry sessions,
            Validator validator,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.validator = validator;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Changes an account: its owner may change their email, names, phone and organizations; administrators may change
     * anyone's, and their roles and active flag too.
     *
     * @throws UserNotFound when there is no such user (for administrators: also when deactivated)
     * @throws ProblemException 403 when the actor may not change this account or these fields
     * @throws InvalidRequest for invalid fields or unknown organizations
     * @throws EmailTaken when another account has the new email
     * @throws LastAdministrator when the change would leave no active administrator
     */
    public Profile update(CurrentUser actor, long id, ProfileChanges changes) {
        accounts.manageable(actor, id);
        if ((changes.roles() != null || changes.active() != null) && !actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may change roles or deactivate and reactivate users");
        }
        ProfileChanges form = new ProfileChanges(
                email(changes.email()),
                strip(changes.firstName()),
                strip(changes.lastName()),
                strip(changes.phone()),
                changes.organizations(),
                changes.roles(),
                changes.active());
        List<FieldError> errors = new ArrayList<>(InvalidRequest.fieldErrors(validator.validate(form)));
        emailRefusal(changes.email(), errors);
        Set<Long> organizationIds = form.organizations() == null ? null : distinct(form.organizations());
        if (organizationIds != null) {
            accounts.checkOrganizations(organizationIds, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        Instant now = clock.instant();
        return Objects.requireNonNull(transactions.execute(status -> {
            User current = accounts.lock(id);
            String email = form.email() == null ? current.email() : form.email();
            if (!email.equalsIgnoreCase(current.email()) && users.emailTaken(email, id)) {
                throw EmailTaken.of(email);
            }
            Set<String> roles = form.roles() == null ? current.roles() : roles(form.roles());
            boolean active = form.active() == null ? current.active() : form.active();
            if (current.isAdmin() && current.active() && (!roles.contains("ADMIN") || !active)) {
                accounts.requireAnotherAdministrator(id, active ? "stripped of the ADMIN role" : "deactivated");
            }
            User changed = new User(
                    id,
                    email,
                    current.passwordHash(),
                    form.firstName() == null ? current.firstName() : form.firstName(),
                    form.lastName() == null ? current.lastName() : form.lastName(),
                    form.phone() == null ? current.phone() : form.phone(),
                    current.avatarKey(),
                    roles,
                    active,
                    current.createdAt(),
                    now,
                    current.lastLoginAt());
            try {
                users.update(changed, now);
            } catch (DuplicateKeyException ex) {
                throw EmailTaken.of(email);
            }
            if (organizationIds != null) {
                accounts.replaceMemberships(id, organizationIds);
            }
            // Redis last, once every row is written: a failure there still rolls the rows back.
            if (!email.equals(current.email())) {
                sessions.updateEmail(id, email);
            }
            if (!roles.equals(current.roles())) {
                sessions.updateRoles(id, roles);
            }
            if (current.active() && !active) {
                accounts.deactivated(id);
            }
            return accounts.profile(changed);
        }));
    }

    /**
     * Replaces an account's profile, as {@code PUT} does: {@link #update} with every field its owner may write required
     * (email, first_name, last_name, phone, organizations), so that a client that leaves one out is told rather than
     * having it kept. roles and active, which only administrators write, stay optional: left out, they stay as they
     * are.
     *
     * @throws InvalidRequest naming every missing field (after the checks of who may change the account)
     */
    public Profile replace(CurrentUser actor, long id, ProfileChanges changes) {
        accounts.manageable(actor, id);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("email", changes.email());
        fields.put("first_name", changes.firstName());
        fields.put("last_name", changes.lastName());
        fields.put("phone", changes.phone());
        fields.put("organizations", changes.organizations());
        List<FieldError> missing = fields.entrySet().stream()
                .filter(field -> field.getValue() == null)
                .map(field -> new FieldError(
                        field.getKey(),
                        "is required by PUT, which replaces the profile (PATCH changes only what it is sent)"))
                .toList();
        if (!missing.isEmpty()) {
            throw InvalidRequest.of(missing);
        }
        return update(actor, id, changes);
    }

    /** USER always, ADMIN when asked for. */
    private static Set<String> roles(Collection<String> asked) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add("USER");
        roles.addAll(asked);
        return Set.copyOf(roles);
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
