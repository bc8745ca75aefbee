/**
 * Spring Security's wiring: the filter chain, the bearer token converter, browser sessions checked against the user
 * session behind them, the admin sign-in's failure counting, the answers of a data store outage, CORS. A platform
 * module: no business module uses it; a module plugs into security through the kernel's contracts in
 * {@code dev.atrium.shared.security} ({@code RequestAuthorizations}, {@code BearerTokenAuthenticator},
 * {@code BrowserSessions}).
 */
@ApplicationModule(displayName = "Security")
@NullMarked
package dev.atrium.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
