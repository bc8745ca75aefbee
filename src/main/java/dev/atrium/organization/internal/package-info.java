@NullMarked
package dev.atrium.organization.internal;

import org.jspecify.annotations.NullMarked;
