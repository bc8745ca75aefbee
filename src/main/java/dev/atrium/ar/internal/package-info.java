@NullMarked
package dev.atrium.ar.internal;

import org.jspecify.annotations.NullMarked;
