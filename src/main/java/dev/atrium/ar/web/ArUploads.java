package dev.atrium.ar.web;

import dev.atrium.ar.internal.Caller;
import dev.atrium.ratelimit.UploadLimit;
import org.springframework.stereotype.Component;

/**
 * Counts an image sent to the AR API (a target's image or a camera frame) as an upload, before it is decoded: an app
 * token's against its project, a user's against themself.
 */
@Component
class ArUploads {

    private final UploadLimit uploads;

    ArUploads(UploadLimit uploads) {
        this.uploads = uploads;
    }

    void count(Caller caller) {
        switch (caller) {
            case Caller.User user -> uploads.take(user.user());
            case Caller.App app -> uploads.takeForProject(app.client().projectId());
        }
    }
}
