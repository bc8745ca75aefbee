@NullMarked
package dev.atrium.shared.embedded;

import org.jspecify.annotations.NullMarked;
