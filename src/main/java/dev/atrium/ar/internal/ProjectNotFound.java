package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * No project with this id that the caller may see: it never existed, it has been deleted, or it belongs to someone
 * else (which is not revealed).
 */
public final class ProjectNotFound extends ProblemException {

    private ProjectNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "project-not-found", "Project not found", "Project " + id + " does not exist");
        with("project_id", id);
    }

    public static ProjectNotFound byId(long id) {
        return new ProjectNotFound(id);
    }
}
