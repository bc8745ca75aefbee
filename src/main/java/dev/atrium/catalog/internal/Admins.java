package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;

/** The catalogue is read by everyone and changed by administrators only, through the API and the admin panel alike. */
final class Admins {

    private Admins() {}

    static void require(CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may change the catalogue");
        }
    }
}
