/**
 * Organizations: their names and descriptions, who created them, and which users belong to them. Other modules use
 * {@link dev.atrium.organization.OrganizationApi}; accounts reach memberships through the
 * {@link dev.atrium.account.UserOrganizations} port, which this module implements.
 */
@ApplicationModule(displayName = "Organizations")
@NullMarked
package dev.atrium.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
