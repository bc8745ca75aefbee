package dev.atrium.ratelimit;

import dev.atrium.shared.security.CurrentUser;

/** A limit counted per user, and, for an application holding an app token, on its project instead of its owner. */
public abstract class UserOrProjectLimit {

    private final RateLimit limit;
    private final String what;

    UserOrProjectLimit(RateLimit limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** @throws TooManyRequests when the user has used up theirs for now */
    public void take(CurrentUser user) {
        limit.takeOrRefuse("user:" + user.id(), what);
    }

    /** @throws TooManyRequests when the project has used up its own for now */
    public void takeForProject(long projectId) {
        limit.takeOrRefuse("project:" + projectId, what);
    }
}
