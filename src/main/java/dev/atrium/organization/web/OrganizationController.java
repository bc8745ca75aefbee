package dev.atrium.organization.web;

import dev.atrium.organization.internal.NewMember;
import dev.atrium.organization.internal.NewOrganization;
import dev.atrium.organization.internal.OrganizationChanges;
import dev.atrium.organization.internal.OrganizationService;
import dev.atrium.organization.internal.OrganizationService.Addition;
import dev.atrium.organization.internal.OrganizationService.Details;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(
        name = "Organizations",
        description = "Any signed-in user may create organizations and list them with their members. Changing or "
                + "deleting an organization and adding or removing members need its creator or an administrator "
                + "(403 otherwise); a member may also remove themself. Users join and leave organizations through "
                + "their own profile too (PATCH /api/users/me with organizations).")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping("/api/organizations")
    @SignedIn
    @Operation(
            summary = "Create an organization",
            description = "The signed-in user becomes its creator (not a member: members join separately).")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "Missing or too long name, too long description (field errors)")
    @ApiResponse(responseCode = "409", description = "An organization with this name exists (whatever the case)")
    ResponseEntity<OrganizationView> create(
            @AuthenticationPrincipal CurrentUser user, @RequestBody NewOrganization organization) {
        Details created = organizations.create(user, organization);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/organizations/{id}")
                .buildAndExpand(created.organization().id())
                .toUri();
        return ResponseEntity.created(location).body(OrganizationView.of(created));
    }

    @GetMapping("/api/organizations")
    @SignedIn
    @Operation(summary = "List organizations with their member users", description = "In id order.")
    @ApiResponse(responseCode = "200", description = "A page of organizations")
    @ApiResponse(responseCode = "400", description = "Invalid page or limit")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<OrganizationView> list(@Valid @ParameterObject PageQuery page) {
        return PageResponse.of(organizations.page(null, page), page).map(OrganizationView::of);
    }

    @GetMapping("/api/organizations/{id}")
    @SignedIn
    @Operation(summary = "One organization with its member users")
    @ApiResponse(responseCode = "200", description = "The organization")
    @ApiResponse(responseCode = "400", description = "The id is not a number")
    @ApiResponse(responseCode = "404", description = "No such organization")
    OrganizationView get(@PathVariable long id) {
        return OrganizationView.of(organizations.view(id));
    }

    @PatchMapping("/api/organizations/{id}")
    @SignedIn
    @Operation(
            summary = "Change an organization's name or description (creator or administrator)",
            description = "Fields left out stay as they are.")
    @ApiResponse(responseCode = "200", description = "The changed organization")
    @ApiResponse(responseCode = "400", description = "Empty or too long name, too long description (field errors)")
    @ApiResponse(responseCode = "403", description = "Neither its creator nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such organization")
    @ApiResponse(responseCode = "409", description = "Another organization has this name")
    OrganizationView update(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestBody OrganizationChanges changes) {
        return OrganizationView.of(organizations.update(user, id, changes));
    }

    @DeleteMapping("/api/organizations/{id}")
    @SignedIn
    @Operation(
            summary = "Delete an organization (creator or administrator)",
            description = "Its memberships go with it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Neither its creator nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such organization")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        organizations.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/organizations/{id}/members")
    @SignedIn
    @Operation(
            summary = "Add a member (creator or administrator)",
            description = "Body {\"user\": <user id>}. Adding someone who already belongs changes nothing (200).")
    @ApiResponse(responseCode = "201", description = "Added; the organization with its members")
    @ApiResponse(responseCode = "200", description = "Already a member; the organization with its members")
    @ApiResponse(responseCode = "400", description = "user missing, or no active user has that id (field errors)")
    @ApiResponse(responseCode = "403", description = "Neither its creator nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such organization")
    ResponseEntity<OrganizationView> addMember(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody NewMember member) {
        Addition addition = organizations.addMember(user, id, member);
        return ResponseEntity.status(addition.added() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OrganizationView.of(addition.organization()));
    }

    @DeleteMapping("/api/organizations/{id}/members/{user_id}")
    @SignedIn
    @Operation(summary = "Remove a member (creator, administrator, or the member themself)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403", description = "Neither its creator, an administrator nor that member")
    @ApiResponse(responseCode = "404", description = "No such organization, or the user is not a member")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable("user_id") long userId) {
        organizations.removeMember(user, id, userId);
        return ResponseEntity.noContent().build();
    }
}
