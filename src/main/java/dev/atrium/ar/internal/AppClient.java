package dev.atrium.ar.internal;

import java.util.UUID;

/**
 * The principal of a request made with an app token: an application working for one project, not a user. Its
 * authentication carries {@code ROLE_APP} and never {@code ROLE_USER}, which keeps it out of every path that is not
 * opened to app tokens explicitly.
 */
public record AppClient(UUID tokenId, long projectId) {

    public static final String ROLE = "APP";
}
