/**
 * Loads the demo data every module offers through the kernel's {@code DemoData}, for the {@code seed} command and on a
 * start in embedded mode. A platform module: modules implement the interface, never use this package.
 */
@ApplicationModule(displayName = "Demo data")
@NullMarked
package dev.atrium.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
