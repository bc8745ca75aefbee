package dev.atrium.organization.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No organization has this id. */
public final class OrganizationNotFound extends ProblemException {

    private OrganizationNotFound(long id) {
        super(
                HttpStatus.NOT_FOUND,
                "organization-not-found",
                "Organization not found",
                "Organization " + id + " does not exist");
    }

    public static OrganizationNotFound byId(long id) {
        return new OrganizationNotFound(id);
    }
}
