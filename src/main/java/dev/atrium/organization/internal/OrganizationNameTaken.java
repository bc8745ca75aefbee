package dev.atrium.organization.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another organization already has this name, whatever the case of its letters. */
public final class OrganizationNameTaken extends ProblemException {

    private OrganizationNameTaken(String name) {
        super(
                HttpStatus.CONFLICT,
                "organization-name-taken",
                "Organization name taken",
                "An organization named " + name + " exists");
        with("field", "name");
    }

    public static OrganizationNameTaken of(String name) {
        return new OrganizationNameTaken(name);
    }
}
