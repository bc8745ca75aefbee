/**
 * The admin panel's shell: sign-in page, layout, navigation and dashboard. Each module owns its own admin pages and
 * announces them with an {@link dev.atrium.admin.AdminSection} bean; the dashboard shows every module's
 * {@link dev.atrium.admin.DashboardCount}s.
 */
@ApplicationModule(displayName = "Admin panel")
@NullMarked
package dev.atrium.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
