package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The project has no image target with this id, or it has been deleted. */
public final class ImageTargetNotFound extends ProblemException {

    private ImageTargetNotFound(long projectId, long id) {
        super(
                HttpStatus.NOT_FOUND,
                "image-target-not-found",
                "Image target not found",
                "Project " + projectId + " has no image target " + id);
        with("project_id", projectId);
        with("image_target_id", id);
    }

    public static ImageTargetNotFound byId(long projectId, long id) {
        return new ImageTargetNotFound(projectId, id);
    }
}
