package dev.atrium.account.internal;

import dev.atrium.account.EmailTaken;
import dev.atrium.account.LastAdministrator;
import dev.atrium.account.UserDeactivated;
import dev.atrium.account.UserNotFound;
import dev.atrium.account.UserOrganizations;
import dev.atrium.account.UserOrganizations.OrganizationRef;
import dev.atrium.account.UserSummary;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything done to accounts other than signing in: registration, profiles, roles, deactivation and passwords, for
 * the API and the admin panel alike, so that both are held to the same rules. Who may do what is decided here too:
 * a user manages their own account, an administrator any account, and nobody else anything.
 *
 * <p>Passwords are hashed before a transaction begins: bcrypt takes tens of milliseconds, and a pooled connection
 * should not wait on it.
 */
@Service
public class UserService {

    private static final Log log = LogFactory.getLog(UserService.class);

    /** A user's account with the organizations they belong to, as the API and the admin panel show it. */
    public record Profile(User user, List<OrganizationRef> organizations) {}

    private final UserRepository users;
    private final PasswordHashing passwords;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final SessionRegistry sessions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<UserOrganizations> organizationsProvider;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UserService(
            UserRepository users,
            PasswordHashing passwords,
            PasswordPolicy policy,
            SignInThrottle throttle,
            SessionRegistry sessions,
            ObjectProvider<UserOrganizations> organizations,
            Validator validator,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.organizationsProvider = organizations;
        this.validator = validator;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens a new account with the role USER.
     *
     * @throws InvalidRequest for a malformed email, a weak password, too long fields or unknown organizations
     * @throws EmailTaken when another account has the email
     */
    public Profile register(Registration registration) {
        Registration form = new Registration(
                email(registration.email()),
                registration.password(),
                orEmpty(registration.firstName()).strip(),
                orEmpty(registration.lastName()).strip(),
                orEmpty(registration.phone()).strip(),
                registration.organizations());
        List<FieldError> errors = new ArrayList<>(InvalidRequest.fieldErrors(validator.validate(form)));
        emailRefusal(registration.email(), errors);
        if (form.password() != null && form.email() != null) {
            policy.weakness(form.password(), form.email())
                    .ifPresent(reason -> errors.add(new FieldError("password", reason)));
        }
        Set<Long> organizationIds = distinct(form.organizations());
        checkOrganizations(organizationIds, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        String email = Objects.requireNonNull(form.email());
        if (users.findByEmail(email).isPresent()) {
            throw EmailTaken.of(email);
        }
        String hash = passwords.hash(Objects.requireNonNull(form.password()));
        return inTransaction(() -> {
            User user;
            try {
                user = users.insert(
                        email,
                        hash,
                        Objects.requireNonNull(form.firstName()),
                        Objects.requireNonNull(form.lastName()),
                        Objects.requireNonNull(form.phone()),
                        Set.of("USER"));
            } catch (DuplicateKeyException ex) {
                // Two registrations of one email at once: the unique index lets one through.
                throw EmailTaken.of(email);
            }
            if (!organizationIds.isEmpty()) {
                organizations().replaceMemberships(user.id(), organizationIds);
            }
            return profile(user);
        });
    }

    /** One user as {@code actor} may see them: deactivated users exist for administrators only. */
    public Profile view(CurrentUser actor, long id) {
        return profile(visible(actor, id));
    }

    /**
     * A page of users with their organizations, in id order, whose email or name contains the search when one is
     * given; administrators see deactivated users too.
     */
    public Page<Profile> page(CurrentUser actor, @Nullable String search, PageQuery query) {
        boolean all = actor.isAdmin();
        List<User> found = users.page(all, search, query.offset(), query.size());
        long count = users.count(all, search);
        Map<Long, List<OrganizationRef>> memberships =
                organizations().organizationsOf(found.stream().map(User::id).toList());
        List<Profile> profiles = found.stream()
                .map(user -> new Profile(user, memberships.getOrDefault(user.id(), List.of())))
                .toList();
        return new Page<>(profiles, count);
    }

    /** The user, active or not. */
    public Optional<User> find(long id) {
        return users.findById(id);
    }

    /** The user with this email once normalised (see {@link EmailAddresses}), active or not. */
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    /** The users among the ids that exist, in id order, active or not. */
    public List<User> findAmong(Collection<Long> ids) {
        return users.findAmong(ids);
    }

    /** The names of the active users among the ids, by id. */
    public Map<Long, UserSummary> activeSummaries(Collection<Long> ids) {
        return users.activeSummaries(ids);
    }

    /** Users who may sign in. */
    public long countActive() {
        return users.countActive();
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
        User target = visible(actor, id);
        mayManage(actor, target);
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
            checkOrganizations(organizationIds, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        Instant now = clock.instant();
        return inTransaction(() -> {
            User current = users.lock(id).orElseThrow(() -> UserNotFound.byId(id));
            String email = form.email() == null ? current.email() : form.email();
            if (!email.equalsIgnoreCase(current.email()) && users.emailTaken(email, id)) {
                throw EmailTaken.of(email);
            }
            Set<String> roles = form.roles() == null ? current.roles() : roles(form.roles());
            boolean active = form.active() == null ? current.active() : form.active();
            if (current.isAdmin() && current.active() && (!roles.contains("ADMIN") || !active)) {
                requireAnotherAdministrator(id, active ? "stripped of the ADMIN role" : "deactivated");
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
                organizations().replaceMemberships(id, organizationIds);
            }
            // Redis last, once every row is written: a failure there still rolls the rows back.
            if (!email.equals(current.email())) {
                sessions.updateEmail(id, email);
            }
            if (!roles.equals(current.roles())) {
                sessions.updateRoles(id, roles);
            }
            if (current.active() && !active) {
                endSessions(id);
            }
            return profile(changed);
        });
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
        mayManage(actor, visible(actor, id));
        Map<String, @Nullable Object> fields = new java.util.LinkedHashMap<>();
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

    /**
     * Deactivates an account, by its owner or an administrator: it can no longer sign in, and every one of its sessions
     * ends at once. Its data stays, so that an administrator can bring it back.
     */
    public void deactivate(CurrentUser actor, long id) {
        User target = visible(actor, id);
        mayManage(actor, target);
        inTransaction(() -> {
            User current = users.lock(id).orElseThrow(() -> UserNotFound.byId(id));
            if (!current.active()) {
                return current;
            }
            if (current.isAdmin()) {
                requireAnotherAdministrator(id, "deactivated");
            }
            User changed = withActive(current, false);
            users.update(changed, clock.instant());
            endSessions(id);
            return changed;
        });
    }

    /**
     * A user changes their own password, proving it with the current one. Their other sessions end (whoever else
     * knew the old password is signed out); the one making the change stays. Wrong current passwords count as failed
     * sign-ins, so that a stolen token cannot be used to guess the password.
     *
     * @throws InvalidRequest when the current password is wrong or the new one is weak
     */
    public void changePassword(CurrentUser actor, PasswordChange change, ClientInfo client) {
        User user = users.findById(actor.id()).orElseThrow(() -> UserNotFound.byId(actor.id()));
        List<FieldError> errors = new ArrayList<>(InvalidRequest.fieldErrors(validator.validate(change)));
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        String oldPassword = Objects.requireNonNull(change.oldPassword());
        String newPassword = Objects.requireNonNull(change.newPassword());
        boolean current = throttle.check(
                user.email(),
                client.address(),
                () -> passwords.matches(oldPassword, user.passwordHash()),
                right -> right);
        if (!current) {
            throw InvalidRequest.field("old_password", "is not the current password");
        }
        policy.weakness(newPassword, user.email()).ifPresent(reason -> {
            throw InvalidRequest.field("new_password", reason);
        });
        if (newPassword.equals(oldPassword)) {
            throw InvalidRequest.field("new_password", "must differ from the current password");
        }
        setPassword(user.id(), passwords.hash(newPassword), actor.sessionId());
    }

    /**
     * An administrator sets a new password for someone (who forgot theirs): every session of that user ends, since
     * the password they were opened with is no longer theirs.
     */
    public void resetPassword(CurrentUser actor, long id, @Nullable String newPassword) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may reset someone's password");
        }
        User user = users.findById(id).orElseThrow(() -> UserNotFound.byId(id));
        if (newPassword == null || newPassword.isEmpty()) {
            throw InvalidRequest.field("new_password", "must not be blank");
        }
        policy.weakness(newPassword, user.email()).ifPresent(reason -> {
            throw InvalidRequest.field("new_password", reason);
        });
        setPassword(id, passwords.hash(newPassword), null);
    }

    /**
     * An administrator ends a lockout: the account's failed sign-ins are forgotten, so its owner may sign in at once
     * (attempts from an address that failed too often stay refused).
     */
    public void unlockSignIn(CurrentUser actor, long id) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may unlock someone's sign-in");
        }
        User user = users.findById(id).orElseThrow(() -> UserNotFound.byId(id));
        throttle.unlock(user.email());
    }

    /** The user's open sessions, most recently used first: for the user themself or an administrator. */
    public List<Session> openSessions(CurrentUser actor, long id) {
        mayManage(actor, visible(actor, id));
        return sessions.openSessionsOf(id);
    }

    /**
     * Ends one of the user's sessions: its tokens or cookie stop working at once, on every replica.
     *
     * @throws ProblemException 404 when the user has no such open session
     */
    public void endSession(CurrentUser actor, long id, String sessionId) {
        mayManage(actor, visible(actor, id));
        boolean theirs =
                sessions.find(sessionId).map(session -> session.userId() == id).orElse(false);
        if (!theirs) {
            throw ProblemException.notFound("An open session " + sessionId + " of user " + id);
        }
        sessions.end(id, sessionId);
    }

    /** Ends every session of the user: they must sign in again everywhere. */
    public void endAllSessions(CurrentUser actor, long id) {
        mayManage(actor, visible(actor, id));
        sessions.endAll(id, null);
    }

    private void setPassword(long userId, String hash, @Nullable String keepSession) {
        inTransaction(() -> {
            users.setPasswordHash(userId, hash, clock.instant());
            sessions.endAll(userId, keepSession);
            afterCommit(() -> sessions.endAll(userId, keepSession));
            return userId;
        });
    }

    /**
     * Ends every session of a user who was just deactivated, and tells the other modules. The sessions end inside the
     * transaction (a failure to reach Redis rolls the change back) and once more after it commits, for a sign-in that
     * slipped in while the change was being made.
     */
    private void endSessions(long userId) {
        sessions.endAll(userId, null);
        afterCommit(() -> sessions.endAll(userId, null));
        events.publishEvent(new UserDeactivated(userId));
    }

    private User visible(CurrentUser actor, long id) {
        return users.findById(id)
                .filter(user -> user.active() || actor.isAdmin())
                .orElseThrow(() -> UserNotFound.byId(id));
    }

    private static void mayManage(CurrentUser actor, User target) {
        if (!actor.mayManage(target.id())) {
            throw ProblemException.forbidden("Only the account's owner or an administrator may change it");
        }
    }

    private void requireAnotherAdministrator(long id, String what) {
        if (users.lockOtherActiveAdmins(id).isEmpty()) {
            throw LastAdministrator.cannotBe(what);
        }
    }

    private void checkOrganizations(Set<Long> ids, List<FieldError> errors) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> unknown = new TreeSet<>(organizations().unknown(ids));
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(
                    "organizations",
                    "no organization has the id "
                            + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
    }

    private Profile profile(User user) {
        return new Profile(
                user, organizations().organizationsOf(List.of(user.id())).getOrDefault(user.id(), List.of()));
    }

    private UserOrganizations organizations() {
        return organizationsProvider.getIfAvailable(() -> UserOrganizations.NONE);
    }

    private <T> T inTransaction(Supplier<T> work) {
        T result = transactions.execute(status -> work.get());
        return Objects.requireNonNull(result);
    }

    /** Best effort: the change has committed, and the same work was already done once inside the transaction. */
    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException ex) {
                    log.warn("Could not repeat a session change after commit: " + ex.getMessage());
                }
            }
        });
    }

    static User withActive(User user, boolean active) {
        return new User(
                user.id(),
                user.email(),
                user.passwordHash(),
                user.firstName(),
                user.lastName(),
                user.phone(),
                user.avatarKey(),
                user.roles(),
                active,
                user.createdAt(),
                user.updatedAt(),
                user.lastLoginAt());
    }

    /** USER always, ADMIN when asked for. */
    private static Set<String> roles(Collection<String> asked) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add("USER");
        roles.addAll(asked);
        return Set.copyOf(roles);
    }

    /** The ids without repeats; a null among them has been reported by validation already. */
    private static Set<Long> distinct(@Nullable List<Long> ids) {
        Set<Long> distinct = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().filter(Objects::nonNull).forEach(distinct::add);
        }
        return distinct;
    }

    /** An email as it is stored and compared (see {@link EmailAddresses}); null stays null. */
    private static @Nullable String email(@Nullable String sent) {
        return sent == null ? null : EmailAddresses.normalise(sent);
    }

    /**
     * Adds why an email that was sent is refused. That reason replaces a "not a valid email" about its normal form:
     * an invisible space, say, is what the caller has to fix.
     */
    private static void emailRefusal(@Nullable String sent, List<FieldError> errors) {
        if (sent == null) {
            return;
        }
        EmailAddresses.refusal(sent).ifPresent(reason -> {
            errors.removeIf(error -> error.field().equals("email"));
            errors.add(new FieldError("email", reason));
        });
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
