package dev.atrium.organization.web;

import dev.atrium.organization.internal.Organization;
import dev.atrium.organization.internal.OrganizationService.Details;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An organization as the API shows it, with its member users. */
record OrganizationView(
        long id,
        @Schema(example = "Atrium Labs") String name,
        @Schema(example = "Builds Atrium") String description,

        @Schema(description = "The id of the user who created it, or null once that user is gone", example = "7")
        @Nullable Long creator,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The active users who belong to it, in id order")
        List<Member> members) {

    record Member(
            long id,
            @Schema(example = "ada@example.com") String email,
            @Schema(example = "Ada") String firstName,
            @Schema(example = "Lovelace") String lastName) {}

    static OrganizationView of(Details details) {
        Organization organization = details.organization();
        return new OrganizationView(
                organization.id(),
                organization.name(),
                organization.description(),
                organization.creatorId(),
                organization.createdAt(),
                organization.updatedAt(),
                details.members().stream()
                        .map(user -> new Member(user.id(), user.email(), user.firstName(), user.lastName()))
                        .toList());
    }
}
