/**
 * The web edge every request crosses before a module sees it: request ids, body limits, the request log, the origin
 * behind the proxy, security headers, strict JSON, Tomcat's own error reports and the OpenAPI document's shared
 * answers. A platform module: no business module uses it; what modules need of the web edge is in
 * {@code dev.atrium.shared.web}.
 */
@ApplicationModule(displayName = "Web edge")
@NullMarked
package dev.atrium.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
