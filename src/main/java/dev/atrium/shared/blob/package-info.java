@NullMarked
package dev.atrium.shared.blob;

import org.jspecify.annotations.NullMarked;
