@NullMarked
package dev.atrium.shared.problem;

import org.jspecify.annotations.NullMarked;
