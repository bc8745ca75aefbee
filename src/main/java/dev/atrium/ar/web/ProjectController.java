package dev.atrium.ar.web;

import dev.atrium.ar.internal.Project;
import dev.atrium.ar.internal.ProjectService;
import dev.atrium.shared.openapi.AppTokensRefused;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(
        name = "AR projects",
        description = "Projects of signed-in users (administrators see everyone's). App tokens are refused here (403): "
                + "they work with image targets only.")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @PostMapping("/api/project")
    @SignedIn
    @Operation(summary = "Create a project", description = "The signed-in user becomes its owner.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the project")
    @ApiResponse(responseCode = "400", description = "Name missing, blank or too long")
    @ApiResponse(responseCode = "403", description = "An app token was sent: projects are for users")
    @ApiResponse(responseCode = "409", description = "Another project not deleted has this name")
    ResponseEntity<ProjectView> create(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProjectRequest request) {
        Project project = projects.create(user, request.name());
        return ResponseEntity.created(URI.create("/api/project/" + project.id()))
                .body(ProjectView.of(project));
    }

    @GetMapping("/api/project")
    @SignedIn
    @Operation(
            summary = "List projects",
            description = "One's own projects, oldest first; administrators see every user's. With deleted=true "
                    + "(administrators only) the deleted projects instead, most recently deleted first.")
    @ApiResponse(responseCode = "200", description = "A page of projects")
    @ApiResponse(responseCode = "400", description = "Bad page or limit")
    @ApiResponse(
            responseCode = "403",
            description = "An app token was sent, or deleted=true by someone who is not an administrator")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<ProjectView> list(
            @AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "List deleted projects instead (administrators only)")
                    @RequestParam(defaultValue = "false")
                    boolean deleted,
            @Valid @ParameterObject PageQuery page) {
        return PageResponse.of(projects.list(user, deleted, page), page).map(ProjectView::of);
    }

    @GetMapping("/api/project/{id}")
    @AppTokensRefused
    @Operation(summary = "Get a project", description = "Its owner or an administrator.")
    @ApiResponse(responseCode = "200", description = "The project")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    ProjectView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ProjectView.of(projects.get(user, id));
    }

    @PutMapping("/api/project/{id}")
    @AppTokensRefused
    @Operation(summary = "Replace a project (its name)", description = "Its owner or an administrator.")
    @ApiResponse(responseCode = "200", description = "The project as it is now")
    @ApiResponse(responseCode = "400", description = "Name missing, blank or too long")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(responseCode = "409", description = "Another project not deleted has this name")
    ProjectView replace(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @Valid @RequestBody ProjectRequest request) {
        return ProjectView.of(projects.rename(user, id, request.name()));
    }

    @PatchMapping("/api/project/{id}")
    @AppTokensRefused
    @Operation(
            summary = "Change a project",
            description = "Its owner or an administrator. Fields left out keep their value.")
    @ApiResponse(responseCode = "200", description = "The project as it is now")
    @ApiResponse(responseCode = "400", description = "Name blank or too long")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(responseCode = "409", description = "Another project not deleted has this name")
    ProjectView update(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody ProjectPatch patch) {
        String name = patch.name();
        return ProjectView.of(name == null ? projects.get(user, id) : projects.rename(user, id, name));
    }

    @DeleteMapping("/api/project/{id}")
    @AppTokensRefused
    @Operation(
            summary = "Delete a project (softly)",
            description = "Its owner or an administrator. The project and its image targets answer 404 from now on, "
                    + "its app tokens stop working at once and for good, and its name is free again. Administrators "
                    + "can restore it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such project, already deleted, or someone else's")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        projects.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/project/{id}/restore")
    @SignedIn
    @Operation(
            summary = "Restore a deleted project (administrators)",
            description =
                    "Brings back the project and the image targets deleted with it; its app tokens stay " + "revoked.")
    @ApiResponse(responseCode = "200", description = "The restored project")
    @ApiResponse(responseCode = "403", description = "Not an administrator, or an app token was sent")
    @ApiResponse(responseCode = "404", description = "No deleted project with this id")
    @ApiResponse(responseCode = "409", description = "A project not deleted has taken its name meanwhile")
    ProjectView restore(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ProjectView.of(projects.restore(user, id));
    }
}
