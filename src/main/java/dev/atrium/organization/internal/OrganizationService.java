package dev.atrium.organization.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserOrganizations.OrganizationRef;
import dev.atrium.account.UserSummary;
import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their members, for the API and the admin panel alike. Any signed-in user may create an
 * organization; its creator and the administrators may change it, delete it and add or remove members. Members may
 * also leave by themselves, here or through their own profile.
 */
@Service
public class OrganizationService {

    /** An organization with its (active) members, in id order. */
    public record Details(Organization organization, List<UserSummary> members) {}

    /** The result of adding a member: whether they were added now or already belonged. */
    public record Addition(Details organization, boolean added) {}

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final AccountApi accounts;
    private final Validator validator;
    private final Clock clock;

    OrganizationService(
            OrganizationRepository organizations,
            MembershipRepository memberships,
            AccountApi accounts,
            Validator validator,
            Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @throws InvalidRequest for a missing or too long name, or a too long description
     * @throws OrganizationNameTaken when another organization has the name
     */
    @Transactional
    public Details create(CurrentUser actor, NewOrganization request) {
        NewOrganization form = new NewOrganization(strip(request.name()), strip(request.description()));
        validate(form);
        String name = Objects.requireNonNull(form.name());
        if (organizations.findByName(name).isPresent()) {
            throw OrganizationNameTaken.of(name);
        }
        try {
            Organization created = organizations.save(Organization.create(
                    name, form.description() == null ? "" : form.description(), actor.id(), clock.instant()));
            return new Details(created, List.of());
        } catch (DuplicateKeyException ex) {
            throw OrganizationNameTaken.of(name);
        }
    }

    public Details view(long id) {
        Organization organization = organizations.findById(id).orElseThrow(() -> OrganizationNotFound.byId(id));
        return details(List.of(organization)).getFirst();
    }

    /** A page of organizations in id order, each with its members; only those matching the search when one is given. */
    public Page<Details> page(@Nullable String search, PageQuery query) {
        String pattern = LikePattern.searchOrNull(search);
        List<Organization> found = organizations.page(pattern, query.offset(), query.size());
        long count = organizations.countMatching(pattern);
        return new Page<>(details(found), count);
    }

    /**
     * @throws OrganizationNotFound when there is no such organization
     * @throws ProblemException 403 when the actor is neither its creator nor an administrator
     */
    @Transactional
    public Details update(CurrentUser actor, long id, OrganizationChanges request) {
        Organization current = managed(actor, id);
        OrganizationChanges form = new OrganizationChanges(strip(request.name()), strip(request.description()));
        validate(form);
        String name = form.name() == null ? current.name() : form.name();
        if (!name.equalsIgnoreCase(current.name()) && organizations.nameTaken(name, id)) {
            throw OrganizationNameTaken.of(name);
        }
        Organization changed = new Organization(
                id,
                name,
                form.description() == null ? current.description() : form.description(),
                current.creatorId(),
                current.createdAt(),
                clock.instant());
        try {
            // managed(...) locked the row: saving the whole row writes back what it read, besides the changes.
            organizations.save(changed);
        } catch (DuplicateKeyException ex) {
            throw OrganizationNameTaken.of(name);
        }
        return details(List.of(changed)).getFirst();
    }

    /** Deletes the organization and its memberships; its former members simply belong to it no more. */
    @Transactional
    public void delete(CurrentUser actor, long id) {
        managed(actor, id);
        organizations.deleteById(id);
    }

    /**
     * @throws InvalidRequest when the user is missing, unknown or deactivated
     */
    @Transactional
    public Addition addMember(CurrentUser actor, long id, NewMember request) {
        Organization organization = managed(actor, id);
        validate(request);
        long userId = Objects.requireNonNull(request.user());
        if (accounts.findActiveUsers(List.of(userId)).isEmpty()) {
            throw InvalidRequest.field("user", "no active user has the id " + userId);
        }
        boolean added = memberships.addMember(id, userId, clock.instant());
        return new Addition(details(List.of(organization)).getFirst(), added);
    }

    /** Adds the user with this email, as the admin panel asks for members: by what it shows of them. */
    @Transactional
    public Addition addMemberByEmail(CurrentUser actor, long id, @Nullable String email) {
        managed(actor, id);
        if (email == null || email.isBlank()) {
            throw InvalidRequest.field("email", "must not be blank");
        }
        long userId = accounts.findUserByEmail(email)
                .map(UserSummary::id)
                .orElseThrow(() -> InvalidRequest.field("email", "no user has the email " + email.strip()));
        return addMember(actor, id, new NewMember(userId));
    }

    /**
     * Removes a member: the creator and administrators may remove anyone, a member themself.
     *
     * @throws NotAMember when the user is not a member
     */
    @Transactional
    public void removeMember(CurrentUser actor, long id, long userId) {
        Organization organization = organizations.lock(id).orElseThrow(() -> OrganizationNotFound.byId(id));
        if (actor.id() != userId) {
            requireManager(actor, organization);
        }
        if (!memberships.removeMember(id, userId)) {
            throw NotAMember.of(id, userId);
        }
    }

    public long count() {
        return organizations.count();
    }

    /** The organizations each user belongs to, for the users' profiles. */
    public Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
        return memberships.organizationsOf(userIds);
    }

    /** Which of the ids name no organization. */
    public Set<Long> unknown(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> unknown = new HashSet<>(organizationIds);
        organizations.findAllById(organizationIds).stream()
                .map(Organization::id)
                .forEach(unknown::remove);
        return unknown;
    }

    /** Makes the user a member of exactly these organizations, in the caller's transaction. */
    public void replaceMemberships(long userId, Set<Long> organizationIds) {
        memberships.replaceMemberships(userId, organizationIds, clock.instant());
    }

    /** The organization, locked, when the actor may manage it. */
    private Organization managed(CurrentUser actor, long id) {
        Organization organization = organizations.lock(id).orElseThrow(() -> OrganizationNotFound.byId(id));
        requireManager(actor, organization);
        return organization;
    }

    private static void requireManager(CurrentUser actor, Organization organization) {
        Long creator = organization.creatorId();
        boolean allowed = creator == null ? actor.isAdmin() : actor.mayManage(creator);
        if (!allowed) {
            throw ProblemException.forbidden("Only the organization's creator or an administrator may do this");
        }
    }

    /** The organizations with their active members: three queries for the whole list, whatever its length. */
    private List<Details> details(List<Organization> page) {
        Map<Long, List<Long>> memberIds =
                memberships.memberIds(page.stream().map(Organization::id).toList());
        Map<Long, UserSummary> users = accounts.findActiveUsers(
                memberIds.values().stream().flatMap(List::stream).distinct().toList());
        List<Details> details = new ArrayList<>(page.size());
        for (Organization organization : page) {
            List<UserSummary> members = memberIds.getOrDefault(organization.id(), List.of()).stream()
                    .map(users::get)
                    .filter(Objects::nonNull)
                    .toList();
            details.add(new Details(organization, members));
        }
        return details;
    }

    private void validate(Object form) {
        List<FieldError> errors = InvalidRequest.fieldErrors(validator.validate(form));
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
