package dev.atrium.account.internal;

import dev.atrium.account.UserDeactivated;
import dev.atrium.account.UserOrganizations;
import dev.atrium.account.UserOrganizations.OrganizationRef;
import dev.atrium.account.UserSummary;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users as the API and the admin panel read them, and the rules every change to one is held to, whichever use case
 * makes it ({@link UserRegistration}, {@link ProfileUpdate}, {@link Deactivation}, {@link PasswordReplacement},
 * {@link SessionEnding}, {@link SignInUnlock}): who may see and manage an account (its owner and administrators),
 * that one active administrator always remains, and what deactivating an account ends.
 */
@Service
public class UserService {

    private static final Log log = LogFactory.getLog(UserService.class);

    /** A user's account with the organizations they belong to, as the API and the admin panel show it. */
    public record Profile(User user, List<OrganizationRef> organizations) {}

    private final UserRepository users;
    private final SessionRegistry sessions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<UserOrganizations> organizationsProvider;

    UserService(
            UserRepository users,
            SessionRegistry sessions,
            ObjectProvider<UserOrganizations> organizations,
            ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.organizationsProvider = organizations;
        this.events = events;
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

    /** Users who may sign in. */
    public long countActive() {
        return users.countActive();
    }

    /** The user as {@code actor} may see them, or UserNotFound: deactivated users exist for administrators only. */
    User visible(CurrentUser actor, long id) {
        return users.findById(id)
                .filter(user -> user.active() || actor.isAdmin())
                .orElseThrow(() -> UserNotFound.byId(id));
    }

    /** The user as {@link #visible} finds them, when {@code actor} may manage their account. */
    User manageable(CurrentUser actor, long id) {
        User target = visible(actor, id);
        if (!actor.mayManage(target.id())) {
            throw ProblemException.forbidden("Only the account's owner or an administrator may change it");
        }
        return target;
    }

    /** The user, whether active or not, or UserNotFound. */
    User existing(long id) {
        return users.findById(id).orElseThrow(() -> UserNotFound.byId(id));
    }

    /** Reads the user and locks the row until the transaction ends, or UserNotFound. */
    User lock(long id) {
        return users.lock(id).orElseThrow(() -> UserNotFound.byId(id));
    }

    /**
     * Refuses a change that would leave no active administrator. The others are locked until the transaction ends:
     * two administrators demoting each other at once must not both find the other one still there.
     *
     * @param what what would be done to the administrator, for the refusal: "deactivated", say
     */
    void requireAnotherAdministrator(long id, String what) {
        if (users.lockOtherActiveAdmins(id).isEmpty()) {
            throw LastAdministrator.cannotBe(what);
        }
    }

    /**
     * Ends every session of a user who was just deactivated, and tells the other modules. The sessions end inside the
     * transaction (a failure to reach Redis rolls the change back) and once more after it commits, for a sign-in that
     * slipped in while the change was being made.
     */
    void deactivated(long userId) {
        sessions.endAll(userId, null);
        afterCommit(() -> sessions.endAll(userId, null));
        events.publishEvent(new UserDeactivated(userId));
    }

    /** Adds a field error naming the organizations among the ids that do not exist. */
    void checkOrganizations(Set<Long> ids, List<FieldError> errors) {
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

    /** Makes the user a member of exactly these organizations. */
    void replaceMemberships(long userId, Set<Long> organizationIds) {
        organizations().replaceMemberships(userId, organizationIds);
    }

    Profile profile(User user) {
        return new Profile(
                user, organizations().organizationsOf(List.of(user.id())).getOrDefault(user.id(), List.of()));
    }

    private UserOrganizations organizations() {
        return organizationsProvider.getIfAvailable(() -> UserOrganizations.NONE);
    }

    /** Best effort: the change has committed, and the same work was already done once inside the transaction. */
    static void afterCommit(Runnable action) {
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

    /** The ids without repeats; a null among them has been reported by validation already. */
    static Set<Long> distinct(@Nullable List<Long> ids) {
        Set<Long> distinct = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().filter(Objects::nonNull).forEach(distinct::add);
        }
        return distinct;
    }

    /** An email as it is stored and compared (see {@link EmailAddresses}); null stays null. */
    static @Nullable String email(@Nullable String sent) {
        return sent == null ? null : EmailAddresses.normalise(sent);
    }

    /**
     * Adds why an email that was sent is refused. That reason replaces a "not a valid email" about its normal form:
     * an invisible space, say, is what the caller has to fix.
     */
    static void emailRefusal(@Nullable String sent, List<FieldError> errors) {
        if (sent == null) {
            return;
        }
        EmailAddresses.refusal(sent).ifPresent(reason -> {
            errors.removeIf(error -> error.field().equals("email"));
            errors.add(new FieldError("email", reason));
        });
    }
}
