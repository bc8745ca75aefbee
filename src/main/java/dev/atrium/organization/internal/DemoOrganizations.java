package dev.atrium.organization.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.shared.demo.DemoData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two demo organizations with the demo users as members (after the demo users themselves are loaded): the
 * administrator created both; Alice belongs to both, Bob to one.
 */
@Component
@Order(20)
class DemoOrganizations implements DemoData {

    record DemoOrganization(String name, String description, List<String> members) {}

    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization(
                    "Atrium Labs", "Builds and runs Atrium", List.of("admin@atrium.dev", "alice@atrium.dev")),
            new DemoOrganization(
                    "Baker Street Readers",
                    "A book club that meets on Thursdays",
                    List.of("alice@atrium.dev", "bob@atrium.dev")));

    private static final String CREATOR = "admin@atrium.dev";

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final AccountApi accounts;
    private final Clock clock;

    DemoOrganizations(
            OrganizationRepository organizations, MembershipRepository memberships, AccountApi accounts, Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String load() {
        Optional<UserSummary> creator = accounts.findUserByEmail(CREATOR);
        if (creator.isEmpty()) {
            return "no demo organizations: the demo administrator is missing";
        }
        int added = 0;
        for (DemoOrganization demo : ORGANIZATIONS) {
            // Members are added with the organization only: whoever left it since stays out on the next start.
            if (organizations.findByName(demo.name()).isPresent()) {
                continue;
            }
            Organization organization = organizations.save(Organization.create(
                    demo.name(), demo.description(), creator.get().id(), clock.instant()));
            for (String email : demo.members()) {
                accounts.findUserByEmail(email)
                        .ifPresent(member -> memberships.addMember(organization.id(), member.id(), clock.instant()));
            }
            added++;
        }
        return added + " demo organizations added (" + ORGANIZATIONS.size() + " in all)";
    }
}
