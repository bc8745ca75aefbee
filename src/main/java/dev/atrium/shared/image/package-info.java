/**
 * Uploaded images, decoded within bounds: formats recognised from their bytes, costs judged from their headers before
 * any pixel is decoded, and decoding done on a small pool of platform threads with a deadline.
 */
@NullMarked
package dev.atrium.shared.image;

import org.jspecify.annotations.NullMarked;
