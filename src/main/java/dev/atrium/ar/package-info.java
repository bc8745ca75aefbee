/**
 * AR projects: projects owned by users, the image targets an AR application recognises (JPEG images with
 * their size and checksum), and app tokens that let an application work with one project's image targets. Projects
 * and image targets are soft-deleted; app tokens are checked against the database on every request, so that revoking
 * or re-timing one takes effect at once on every replica. Nothing else in Atrium depends on it, so its root holds no
 * public face.
 */
@ApplicationModule(displayName = "AR projects")
@NullMarked
package dev.atrium.ar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
