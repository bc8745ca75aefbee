package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The caller is known but may not do this: an app token used on another project, or an admin-only action. */
public final class ProjectAccessDenied extends ProblemException {

    private ProjectAccessDenied(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** An app token works with the image targets of its own project only. */
    public static ProjectAccessDenied appTokenOfAnotherProject(long projectId) {
        ProjectAccessDenied problem = new ProjectAccessDenied(
                "This app token belongs to another project; it works with its own project's image targets only");
        problem.with("project_id", projectId);
        return problem;
    }

    public static ProjectAccessDenied administratorsOnly(String what) {
        return new ProjectAccessDenied("Only administrators can " + what);
    }
}
