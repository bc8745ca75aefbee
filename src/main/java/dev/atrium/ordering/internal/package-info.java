@NullMarked
package dev.atrium.ordering.internal;

import org.jspecify.annotations.NullMarked;
