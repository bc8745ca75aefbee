package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another live target of the same project already has this name (names are compared without regard to case). */
public final class ImageTargetNameTaken extends ProblemException {

    private ImageTargetNameTaken(long projectId, String name) {
        super(
                HttpStatus.CONFLICT,
                "image-target-name-taken",
                "Image target name taken",
                "Another image target of project " + projectId + " is named '" + name
                        + "'; names are unique among a project's targets whatever their case");
        with("name", name);
    }

    static ImageTargetNameTaken named(long projectId, String name) {
        return new ImageTargetNameTaken(projectId, name);
    }
}
