package dev.atrium.ar.web;

import dev.atrium.ar.internal.Caller;
import dev.atrium.ratelimit.RecognitionLimit;
import dev.atrium.ratelimit.UploadLimit;
import dev.atrium.ratelimit.UserOrProjectLimit;
import org.springframework.stereotype.Component;

/**
 * Counts what the AR API is sent before it is decoded: a target's image (or an image compared with the targets) as an
 * upload, a camera frame as a recognition. An app token's against its project, a user's against themself.
 */
@Component
class ArLimits {

    private final UploadLimit uploads;
    private final RecognitionLimit recognitions;

    ArLimits(UploadLimit uploads, RecognitionLimit recognitions) {
        this.uploads = uploads;
        this.recognitions = recognitions;
    }

    void upload(Caller caller) {
        count(uploads, caller);
    }

    void recognition(Caller caller) {
        count(recognitions, caller);
    }

    private static void count(UserOrProjectLimit limit, Caller caller) {
        switch (caller) {
            case Caller.User user -> limit.take(user.user());
            case Caller.App app -> limit.takeForProject(app.client().projectId());
        }
    }
}
