package dev.atrium.organization;

import dev.atrium.account.UserOrganizations;
import dev.atrium.organization.internal.OrganizationService;
import java.util.Collection;
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

    private final OrganizationService organizations;

    OrganizationApi(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
        return organizations.organizationsOf(userIds);
    }

    @Override
    public Set<Long> unknown(Collection<Long> organizationIds) {
        return organizations.unknown(organizationIds);
    }

    @Override
    public void replaceMemberships(long userId, Set<Long> organizationIds) {
        organizations.replaceMemberships(userId, organizationIds);
    }
}
