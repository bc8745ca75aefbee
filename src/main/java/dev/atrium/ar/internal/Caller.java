package dev.atrium.ar.internal;

import dev.atrium.shared.problem.Unauthorized;
import dev.atrium.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;

/** Who works with a project's image targets: a signed-in user, or an application holding one of its app tokens. */
public sealed interface Caller {

    record User(CurrentUser user) implements Caller {}

    record App(AppClient client) implements Caller {}

    /** The caller behind an authenticated request's principal. */
    static Caller of(@Nullable Object principal) {
        return switch (principal) {
            case CurrentUser user -> new User(user);
            case AppClient client -> new App(client);
            case null, default -> throw Unauthorized.because("Sign in first, or send an app token of this project");
        };
    }
}
