/**
 * Uploaded images, decoded within bounds: formats recognised from their bytes, costs judged from their headers before
 * any pixel is decoded, and decoding done on a small pool of platform threads with a deadline. A closed module:
 * {@code ImageDecoding} and the types it answers with are its face; reading headers is package-private.
 */
@ApplicationModule(displayName = "Images")
@NullMarked
package dev.atrium.image;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
