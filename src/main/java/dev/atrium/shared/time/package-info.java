@NullMarked
package dev.atrium.shared.time;

import org.jspecify.annotations.NullMarked;
