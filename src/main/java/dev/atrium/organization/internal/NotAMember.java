package dev.atrium.organization.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The user does not belong to the organization, so cannot be removed from it. */
public final class NotAMember extends ProblemException {

    private NotAMember(long organizationId, long userId) {
        super(
                HttpStatus.NOT_FOUND,
                "not-a-member",
                "Not a member",
                "User " + userId + " is not a member of organization " + organizationId);
    }

    public static NotAMember of(long organizationId, long userId) {
        return new NotAMember(organizationId, userId);
    }
}
