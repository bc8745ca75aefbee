/**
 * The embedded PostgreSQL and Redis of the default mode ({@code atrium.mode=embedded}), started before the application
 * context so that Atrium runs with nothing installed. A platform module: no business module uses it.
 */
@ApplicationModule(displayName = "Embedded servers")
@NullMarked
package dev.atrium.embedded;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
