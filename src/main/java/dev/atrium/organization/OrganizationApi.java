package dev.atrium.organization;

import dev.atrium.account.UserOrganizations;
import dev.atrium.organization.internal.MembershipRepository;
import dev.atrium.organization.internal.Organization;
import dev.atrium.organization.internal.OrganizationRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of organizations. Accounts asks through its own {@link UserOrganizations} port, which
 * this facade implements: a user's profile shows the organizations they belong to, and joining or leaving them
 * through the profile writes this module's memberships, in the profile change's transaction.
 */
@Service
public class OrganizationApi implements UserOrganizations {

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final Clock clock;

    OrganizationApi(OrganizationRepository organizations, MembershipRepository memberships, Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    public Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
        return memberships.organizationsOf(userIds);
    }

    @Override
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

    @Override
    public void replaceMemberships(long userId, Set<Long> organizationIds) {
        memberships.replaceMemberships(userId, organizationIds, clock.instant());
    }
}
