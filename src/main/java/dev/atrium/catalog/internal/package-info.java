@NullMarked
package dev.atrium.catalog.internal;

import org.jspecify.annotations.NullMarked;
