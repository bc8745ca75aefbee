package dev.atrium.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organizations users belong to, as accounts needs them: to show a user's organizations and to let a user join or
 * leave organizations through their own profile. Accounts declares this port and the organization module implements
 * it, so that organizations may depend on accounts (to name their members) without accounts depending on
 * organizations.
 */
public interface UserOrganizations {

    /** An organization as a user's profile names it. */
    record OrganizationRef(long id, String name) {}

    /** The organizations of each of the given users (by id, ordered by name); users in none map to an empty list. */
    Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds);

    /** Those of the given organization ids that name no organization. */
    Set<Long> unknown(Collection<Long> organizationIds);

    /**
     * Makes the user a member of exactly these organizations, joining and leaving as needed, in the caller's
     * transaction. Every id must name an organization (see {@link #unknown}).
     */
    void replaceMemberships(long userId, Set<Long> organizationIds);

    /** The port when no organization module is present: nobody belongs to anything, and nothing can be joined. */
    UserOrganizations NONE = new UserOrganizations() {
        @Override
        public Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
            return Map.of();
        }

        @Override
        public Set<Long> unknown(Collection<Long> organizationIds) {
            return Set.copyOf(organizationIds);
        }

        @Override
        public void replaceMemberships(long userId, Set<Long> organizationIds) {
            if (!organizationIds.isEmpty()) {
                throw new IllegalStateException("There are no organizations to join");
            }
        }
    };
}
