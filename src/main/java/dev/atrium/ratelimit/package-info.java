/**
 * Limits on how often one client may do something, counted in Redis so that they hold across replicas. A closed
 * module: its face is the limit, the limits bean, the upload limit and the problem of a client over its limit.
 */
@ApplicationModule(displayName = "Rate limits")
@NullMarked
package dev.atrium.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
