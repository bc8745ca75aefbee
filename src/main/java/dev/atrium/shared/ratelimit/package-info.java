/** Limits on how often one client may do something, counted in Redis so that they hold across replicas. */
@NullMarked
package dev.atrium.shared.ratelimit;

import org.jspecify.annotations.NullMarked;
