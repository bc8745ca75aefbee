package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another project that is not deleted already has this name (names are compared without regard to case). */
public final class ProjectNameTaken extends ProblemException {

    private ProjectNameTaken(String name) {
        super(
                HttpStatus.CONFLICT,
                "project-name-taken",
                "Project name taken",
                "A project named '" + name + "' already exists; project names are unique whatever their case");
        with("name", name);
    }

    public static ProjectNameTaken named(String name) {
        return new ProjectNameTaken(name);
    }
}
